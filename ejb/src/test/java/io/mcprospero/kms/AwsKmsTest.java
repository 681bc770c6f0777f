package io.mcprospero.kms;

import io.mcprospero.kms.aws.AwsKms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/** The AWS adapter's own behaviour, and the stand-in's fidelity to KMS as the SDK sees it. */
class AwsKmsTest {

    @Test
    void theStandInEnforcesTheEncryptionContextAsKmsDoes() {
        try (KmsStandIn kms = KmsStandIn.start();
             KmsClient client = KmsClient.builder()
                     .httpClient(UrlConnectionHttpClient.create())
                     .region(Region.of(KmsStandIn.REGION))
                     .endpointOverride(kms.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSTANDIN", "stand-in")))
                     .build()) {
            String arn = kms.createKey("test");
            GenerateDataKeyResponse generated = client.generateDataKey(request -> request
                    .keyId("alias/test").keySpec(DataKeySpec.AES_256).encryptionContext(Map.of("org_id", "acme")));

            SdkBytes decrypted = client.decrypt(request -> request
                    .ciphertextBlob(generated.ciphertextBlob()).encryptionContext(Map.of("org_id", "acme"))).plaintext();

            assertThat(generated.keyId()).isEqualTo(arn);
            assertThat(decrypted).isEqualTo(generated.plaintext());
            assertThatThrownBy(() -> client.decrypt(request -> request
                    .ciphertextBlob(generated.ciphertextBlob()).encryptionContext(Map.of("org_id", "globex"))))
                    .isInstanceOf(InvalidCiphertextException.class)
                    .satisfies(e -> assertThat(((InvalidCiphertextException) e).statusCode()).isEqualTo(400));
            assertThat(generated.toString()).contains("Plaintext=*** Sensitive Data Redacted ***");
        }
    }

    @Test
    void anUnreachableKmsMakesKeyManagementUnavailable() {
        try (AwsKms keys = AwsKms.connect("alias/mcprospero", Optional.of(KmsStandIn.REGION), Optional.of("http://127.0.0.1:9"))) {
            assertThatThrownBy(() -> keys.generateDataKey(EncryptionContext.ofOrg("acme")))
                    .isInstanceOf(KeyManagementUnavailable.class)
                    .hasMessageStartingWith("AWS KMS GenerateDataKey with key alias/mcprospero failed: ");
        }
    }

    @Test
    void anUnknownKeyMakesKeyManagementUnavailable() {
        try (KeyManagementFixture.Aws fixture = (KeyManagementFixture.Aws) KeyManagementFixture.Kind.AWS.open();
             AwsKms keys = AwsKms.connect("alias/no-such-key", Optional.of(KmsStandIn.REGION), Optional.of(fixture.kms().endpoint().toString()))) {
            assertThatThrownBy(() -> keys.generateDataKey(EncryptionContext.ofOrg("acme")))
                    .isInstanceOf(KeyManagementUnavailable.class)
                    .hasMessage("AWS KMS GenerateDataKey with key alias/no-such-key failed: NotFoundException Key 'alias/no-such-key' does not exist");
        }
    }

    @Test
    void rotationReEncryptsUnderTheConfiguredKeyEvenWhenItChanged() {
        try (KeyManagementFixture.Aws fixture = (KeyManagementFixture.Aws) KeyManagementFixture.Kind.AWS.open()) {
            EncryptionContext acme = EncryptionContext.ofOrg("acme");
            DataKey key = fixture.keys().generateDataKey(acme);
            String newArn = fixture.kms().createKey("mcprospero-next");

            try (AwsKms next = AwsKms.connect("alias/mcprospero-next", Optional.of(KmsStandIn.REGION),
                    Optional.of(fixture.kms().endpoint().toString()))) {
                EncryptedDataKey moved = next.reEncrypt(key.encrypted(), acme);

                assertThat(next.rotateMasterKey()).isEqualTo("alias/mcprospero-next");
                assertThat(moved.keyId()).isEqualTo(newArn);
                assertThat(next.decryptDataKey(moved, acme)).isEqualTo(key.plaintext());
            }
        }
    }
}
