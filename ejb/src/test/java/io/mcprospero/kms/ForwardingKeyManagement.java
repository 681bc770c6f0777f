package io.mcprospero.kms;

/** Passes every call on to another adapter; tests override the calls they watch or hold up. */
public class ForwardingKeyManagement implements KeyManagement {

    private final KeyManagement keys;

    public ForwardingKeyManagement(KeyManagement keys) {
        this.keys = keys;
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        return keys.generateDataKey(context);
    }

    @Override
    public byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context) {
        return keys.decryptDataKey(key, context);
    }

    @Override
    public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
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
}
