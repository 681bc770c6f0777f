package io.mcprospero.artifacts;

import java.util.Optional;

/**
 * The S3 artifact store, which needs the AWS SDK; it lives in the provider libraries, loaded when first used
 * ({@code io.mcprospero.libraries.ProviderLibraries}).
 */
public interface S3Sdk {

    /** A store in {@code bucket}; without a region the SDK's default region chain applies. */
    ArtifactStore connect(String bucket, Optional<String> region, Optional<String> endpoint, boolean pathStyle);
}
