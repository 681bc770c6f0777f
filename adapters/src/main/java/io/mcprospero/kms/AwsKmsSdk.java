package io.mcprospero.kms;

import java.util.Optional;

/**
 * The AWS KMS adapter, which needs the AWS SDK; it lives in the provider libraries, loaded when first used
 * ({@code io.mcprospero.libraries.ProviderLibraries}).
 */
public interface AwsKmsSdk {

    /**
     * A client for the key {@code keyId} (key id, key ARN, alias name or alias ARN). Without a region the SDK's
     * default region chain applies; the endpoint override points at a KMS-compatible service.
     */
    KeyManagement connect(String keyId, Optional<String> region, Optional<String> endpoint);
}
