package io.mcprospero.kms.aws;

import io.mcprospero.kms.AwsKmsSdk;
import io.mcprospero.kms.KeyManagement;
import java.util.Optional;

/** {@link AwsKmsSdk} in the provider libraries (found by {@link java.util.ServiceLoader}). */
public final class AwsKmsFactory implements AwsKmsSdk {

    @Override
    public KeyManagement connect(String keyId, Optional<String> region, Optional<String> endpoint) {
        return AwsKms.connect(keyId, region, endpoint);
    }
}
