package io.mcprospero.kms.aws;

import io.mcprospero.kms.DataKey;
import io.mcprospero.kms.DataKeyRefused;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.KeyManagement;
import io.mcprospero.kms.KeyManagementUnavailable;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * The production key management: AWS KMS, through aws-sdk-kms. Data keys come from GenerateDataKey and are
 * decrypted with Decrypt, always with the encryption context, which KMS binds to the ciphertext and records
 * in CloudTrail; so the context holds ids, never names or content. Re-wrapping after a key rotation is
 * ReEncrypt, in which the plain data key never leaves KMS.
 *
 * <p>Credentials come from the SDK's default chain (environment, profile, container or instance role).
 */
public final class AwsKms implements KeyManagement {

    private final KmsClient client;
    private final String keyId;

    public AwsKms(KmsClient client, String keyId) {
        this.client = client;
        this.keyId = keyId;
    }

    /**
     * A client for the key {@code keyId} (key id, key ARN, alias name or alias ARN). Without a region the
     * SDK's default region chain applies; the endpoint override points at a KMS-compatible service.
     */
    public static AwsKms connect(String keyId, Optional<String> region, Optional<String> endpoint) {
        KmsClientBuilder builder = KmsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build());
        region.ifPresent(name -> builder.region(Region.of(name)));
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return new AwsKms(builder.build(), keyId);
    }

    @Override
    public DataKey generateDataKey(EncryptionContext context) {
        GenerateDataKeyResponse response = call("GenerateDataKey", () -> client.generateDataKey(request -> request
                .keyId(keyId)
                .keySpec(DataKeySpec.AES_256)
                .encryptionContext(context.entries())));
        // asByteArray copies: the SDK's own buffer stays unreachable, but is not wiped (Java cannot force that)
        return new DataKey(response.plaintext().asByteArray(),
                new EncryptedDataKey(response.ciphertextBlob().asByteArray(), response.keyId()));
    }

    @Override
    public byte[] decryptDataKey(EncryptedDataKey key, EncryptionContext context) {
        DecryptResponse response = call("Decrypt", () -> client.decrypt(request -> request
                .ciphertextBlob(SdkBytes.fromByteArray(key.ciphertext()))
                .keyId(key.keyId())
                .encryptionContext(context.entries())));
        return response.plaintext().asByteArray();
    }

    @Override
    public EncryptedDataKey reEncrypt(EncryptedDataKey key, EncryptionContext context) {
        ReEncryptResponse response = call("ReEncrypt", () -> client.reEncrypt(request -> request
                .ciphertextBlob(SdkBytes.fromByteArray(key.ciphertext()))
                .sourceKeyId(key.keyId())
                .sourceEncryptionContext(context.entries())
                .destinationKeyId(keyId)
                .destinationEncryptionContext(context.entries())));
        return new EncryptedDataKey(response.ciphertextBlob().asByteArray(), response.keyId());
    }

    @Override
    public String currentKeyId() {
        return keyId;
    }

    /**
     * KMS rotates the key material of a key itself (automatic or on-demand rotation, which an operator
     * starts); ReEncrypt then moves every data key to the newest material, or to another key when
     * {@code mcprospero.kms.key-id} names a new one.
     */
    @Override
    public String rotateMasterKey() {
        return keyId;
    }

    @Override
    public void close() {
        client.close();
    }

    /** Maps KMS's failures to the port's two exceptions; the SDK's messages never contain key material. */
    private <T> T call(String operation, Supplier<T> request) {
        try {
            return request.get();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new DataKeyRefused("AWS KMS refused to decrypt the data key (" + e.awsErrorDetails().errorCode()
                    + "): it was encrypted for another encryption context or under another key, or altered", e);
        } catch (KmsException e) {
            throw new KeyManagementUnavailable("AWS KMS " + operation + " with key " + keyId + " failed: "
                    + e.awsErrorDetails().errorCode() + " " + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw new KeyManagementUnavailable("AWS KMS " + operation + " with key " + keyId + " failed: " + e.getMessage(), e);
        }
    }
}
