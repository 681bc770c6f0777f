package io.mcprospero.artifacts;

import io.mcprospero.artifacts.s3.S3Artifacts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The S3 adapter, with the real AWS SDK client over HTTP, against S3Mock (a local S3 speaking the REST wire format). */
class S3ArtifactsTest extends ArtifactStoreContract {

    private static final String BUCKET = "mcprospero-artifacts";

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withSecureConnection(false).withHttpPort(0).withHttpsPort(0)
            .withInitialBuckets(BUCKET).build();

    private static S3Artifacts store;

    @BeforeAll
    static void connect() {
        System.setProperty("aws.accessKeyId", "stand-in");
        System.setProperty("aws.secretAccessKey", "stand-in");
        store = S3Artifacts.connect(BUCKET, Optional.of("eu-central-1"), Optional.of("http://127.0.0.1:" + S3.getHttpPort()), true);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Override
    ArtifactStore store() {
        return store;
    }

    @Test
    void aMissingBucketIsAClearFailure() {
        S3Artifacts elsewhere = S3Artifacts.connect("no-such-bucket", Optional.of("eu-central-1"),
                Optional.of("http://127.0.0.1:" + S3.getHttpPort()), true);

        assertThatThrownBy(() -> elsewhere.put("transcripts/x", new byte[] {1}))
                .isInstanceOf(ArtifactStoreUnavailable.class)
                .hasMessageStartingWith("S3 PutObject of transcripts/x in bucket no-such-bucket failed: ");
        assertThat(store.describe()).isEqualTo("S3 bucket " + BUCKET);
    }
}
