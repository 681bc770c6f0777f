package io.mcprospero.kms;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls that reach the key management service, and remembers the plain data keys it handed out. */
public final class CountingKeyManagement extends ForwardingKeyManagement {

    private final AtomicInteger calls = new AtomicInteger();
    private final List<byte[]> plainKeys = new CopyOnWriteArrayList<>();

    public CountingKeyManagement(KeyManagement keys) {
        super(keys);
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        calls.incrementAndGet();
        DataKey key = super.generateDataKey(context);
        plainKeys.add(key.plaintext().clone());
        return key;
    }

    @Override
    public byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context) {
        calls.incrementAndGet();
        byte[] plaintext = super.decryptDataKey(key, context);
        plainKeys.add(plaintext.clone());
        return plaintext;
    }

    @Override
    public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
        calls.incrementAndGet();
        return super.reEncrypt(key, context);
    }

    public int calls() {
        return calls.get();
    }

    /** Copies of every plain data key that passed through, to check that none leaks into logs. */
    public List<byte[]> plainKeys() {
        return plainKeys;
    }
}
