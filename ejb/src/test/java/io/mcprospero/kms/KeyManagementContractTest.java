package io.mcprospero.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.testing.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link KeyManagement} adapter promises, run against the local key file and AWS KMS alike. */
class KeyManagementContractTest {

    private static final EncryptionContext ACME = EncryptionContext.ofOrg("org-acme");
    private static final EncryptionContext GLOBEX = EncryptionContext.ofOrg("org-globex");

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void aGeneratedDataKeyDecryptsToItselfWithItsContext(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            DataKey key = fixture.keys().generateDataKey(ACME);

            byte[] decrypted = fixture.keys().decryptDataKey(key.encrypted(), ACME);

            assertThat(key.plaintext()).hasSize(32);
            assertThat(decrypted).isEqualTo(key.plaintext());
            assertThat(Bytes.contains(key.encrypted().ciphertext(), key.plaintext())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void everyDataKeyIsNew(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            assertThat(fixture.keys().generateDataKey(ACME).plaintext()).isNotEqualTo(fixture.keys().generateDataKey(ACME).plaintext());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void aDataKeyOfOneOrgIsRefusedForAnother(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            DataKey key = fixture.keys().generateDataKey(ACME);

            assertThatThrownBy(() -> fixture.keys().decryptDataKey(key.encrypted(), GLOBEX))
                    .isInstanceOf(DataKeyRefused.class);
            assertThatThrownBy(() -> fixture.keys().decryptDataKey(key.encrypted(), ACME.with("extra", "entry")))
                    .isInstanceOf(DataKeyRefused.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void anAlteredDataKeyIsRefused(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            EncryptedDataKey encrypted = fixture.keys().generateDataKey(ACME).encrypted();
            byte[] bytes = encrypted.ciphertext();
            bytes[bytes.length - 5] ^= 0x01;

            assertThatThrownBy(() -> fixture.keys().decryptDataKey(new EncryptedDataKey(bytes, encrypted.keyId()), ACME))
                    .isInstanceOf(DataKeyRefused.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void aDataKeyPresentedUnderAnotherKeyIdIsRefused(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            EncryptedDataKey encrypted = fixture.keys().generateDataKey(ACME).encrypted();
            String otherKeyId = fixture instanceof KeyManagementFixture.Aws aws
                    ? aws.kms().createKey("other") : "local-7-00000000";

            assertThatThrownBy(() -> fixture.keys().decryptDataKey(new EncryptedDataKey(encrypted.ciphertext(), otherKeyId), ACME))
                    .isInstanceOf(DataKeyRefused.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void reEncryptingChangesTheEncryptedKeyButNotTheKey(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            DataKey key = fixture.keys().generateDataKey(ACME);

            EncryptedDataKey reEncrypted = fixture.keys().reEncrypt(key.encrypted(), ACME);

            assertThat(reEncrypted.ciphertext()).isNotEqualTo(key.encrypted().ciphertext());
            assertThat(fixture.keys().decryptDataKey(reEncrypted, ACME)).isEqualTo(key.plaintext());
            assertThatThrownBy(() -> fixture.keys().reEncrypt(key.encrypted(), GLOBEX)).isInstanceOf(DataKeyRefused.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void afterRotationNewKeysUseTheNewMasterKeyAndOldOnesStillDecrypt(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            DataKey before = fixture.keys().generateDataKey(ACME);
            fixture.rotateOutsideTheApplication();

            String current = fixture.keys().rotateMasterKey();
            EncryptedDataKey reEncrypted = fixture.keys().reEncrypt(before.encrypted(), ACME);
            DataKey after = fixture.keys().generateDataKey(ACME);

            assertThat(fixture.keys().decryptDataKey(before.encrypted(), ACME)).isEqualTo(before.plaintext());
            assertThat(fixture.keys().decryptDataKey(reEncrypted, ACME)).isEqualTo(before.plaintext());
            assertThat(fixture.keys().decryptDataKey(after.encrypted(), ACME)).isEqualTo(after.plaintext());
            assertThat(masterKeyVersionOf(fixture, reEncrypted)).isEqualTo(masterKeyVersionOf(fixture, after.encrypted()))
                    .isNotEqualTo(masterKeyVersionOf(fixture, before.encrypted()));
            if (fixture instanceof KeyManagementFixture.Local) {
                assertThat(current).isEqualTo(reEncrypted.keyId()).isNotEqualTo(before.encrypted().keyId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KeyManagementFixture.Kind.class)
    void anotherInstallationsMasterKeyRefusesTheDataKey(KeyManagementFixture.Kind kind) {
        try (KeyManagementFixture fixture = kind.open()) {
            EncryptedDataKey encrypted = fixture.keys().generateDataKey(ACME).encrypted();

            KeyManagement other = fixture.anotherInstallation();

            assertThatThrownBy(() -> other.decryptDataKey(encrypted, ACME)).isInstanceOf(DataKeyRefused.class);
        }
    }

    /** Which backing key version encrypted it: the local key id, or the version in the stand-in's blob header. */
    private static String masterKeyVersionOf(KeyManagementFixture fixture, EncryptedDataKey key) {
        if (fixture instanceof KeyManagementFixture.Aws) {
            byte[] blob = key.ciphertext();
            return key.keyId() + "#" + java.nio.ByteBuffer.wrap(blob, 37, 4).getInt();
        }
        return key.keyId();
    }
}
