package io.mcprospero.artifacts.s3;

import io.mcprospero.artifacts.ArtifactKeys;
import io.mcprospero.artifacts.ArtifactStore;
import io.mcprospero.artifacts.ArtifactStoreUnavailable;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The production artifact store: objects in an S3 bucket, through the AWS SDK's S3 client (PutObject, GetObject,
 * DeleteObject). Credentials come from the SDK's default chain; the endpoint override and path-style access point it
 * at an S3-compatible service.
 */
public final class S3Artifacts implements ArtifactStore {

    private final S3Client client;
    private final String bucket;

    public S3Artifacts(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** A client for {@code bucket}; without a region the SDK's default region chain applies. */
    public static S3Artifacts connect(String bucket, Optional<String> region, Optional<String> endpoint, boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .forcePathStyle(pathStyle);
        region.ifPresent(name -> builder.region(Region.of(name)));
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)));
        return new S3Artifacts(builder.build(), bucket);
    }

    @Override
    public void put(String key, byte[] content) {
        String checked = ArtifactKeys.checked(key);
        call("PutObject", key, () -> client.putObject(request -> request.bucket(bucket).key(checked)
                .contentType("application/octet-stream"), RequestBody.fromBytes(content)));
    }

    @Override
    public Optional<byte[]> get(String key) {
        String checked = ArtifactKeys.checked(key);
        try {
            return Optional.of(call("GetObject", key, () -> client.getObjectAsBytes(request -> request.bucket(bucket).key(checked)).asByteArray()));
        } catch (ArtifactStoreUnavailable failure) {
            if (isMissingKey(failure.getCause())) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    /** NoSuchKey, or a bare 404 (some S3-compatible services send no error code for a GET): but a missing bucket is a failure. */
    private static boolean isMissingKey(Throwable failure) {
        if (failure instanceof NoSuchKeyException) {
            return true;
        }
        return failure instanceof S3Exception s3 && s3.statusCode() == 404
                && (s3.awsErrorDetails() == null || !"NoSuchBucket".equals(s3.awsErrorDetails().errorCode()));
    }

    @Override
    public void delete(String key) {
        String checked = ArtifactKeys.checked(key);
        call("DeleteObject", key, () -> client.deleteObject(request -> request.bucket(bucket).key(checked)));
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket;
    }

    private <T> T call(String operation, String key, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new ArtifactStoreUnavailable("S3 " + operation + " of " + key + " in bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
