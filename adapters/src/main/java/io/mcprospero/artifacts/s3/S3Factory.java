package io.mcprospero.artifacts.s3;

import io.mcprospero.artifacts.ArtifactStore;
import io.mcprospero.artifacts.S3Sdk;
import java.util.Optional;

/** {@link S3Sdk} in the provider libraries (found by {@link java.util.ServiceLoader}). */
public final class S3Factory implements S3Sdk {

    @Override
    public ArtifactStore connect(String bucket, Optional<String> region, Optional<String> endpoint, boolean pathStyle) {
        return S3Artifacts.connect(bucket, region, endpoint, pathStyle);
    }
}
