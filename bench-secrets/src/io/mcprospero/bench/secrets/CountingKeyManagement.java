package io.mcprospero.bench.secrets;

import io.mcprospero.kms.DataKey;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.KeyManagement;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the calls that reach the key management service. */
final class CountingKeyManagement implements KeyManagement {

    private final KeyManagement keys;
    private final AtomicInteger calls = new AtomicInteger();

    CountingKeyManagement(KeyManagement keys) {
        this.keys = keys;
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        calls.incrementAndGet();
        return keys.generateDataKey(context);
    }

    @Override
    public byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context) {
        calls.incrementAndGet();
        return keys.decryptDataKey(key, context);
    }

    @Override
    public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
        calls.incrementAndGet();
        return keys.reEncrypt(key, context);
    }

    @Override
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    @Override
    public String rotateMasterKey() {
        return keys.rotateMasterKey();
    }

    int calls() {
        return calls.get();
    }
}
