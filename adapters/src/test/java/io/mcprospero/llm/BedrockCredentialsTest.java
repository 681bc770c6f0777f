package io.mcprospero.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bedrock without AWS credentials: a clear NOT_CONFIGURED, and no request sent. */
class BedrockCredentialsTest {

    @Test
    void withoutCredentialsTheFailureSaysWhereTheyComeFrom() {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
                && !java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".aws")),
                "this machine has AWS credentials");
        // the instance metadata lookup would reach for 169.254.169.254; this machine is no EC2 instance
        System.setProperty("aws.disableEc2Metadata", "true");
        try {
            LanguageModel model = LanguageModels.configured(Conversations.settings("bedrock",
                    "anthropic.claude-sonnet-4-5-20250929-v1:0", null, "http://127.0.0.1:9", "us-east-1",
                    Duration.ofSeconds(5), 3), Conversations.FAST);

            ModelFailure failure = catchThrowableOfType(() -> model.complete(Conversations.firstTurn("")), ModelFailure.class);

            assertThat(failure.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.reason()).startsWith("The model provider (bedrock) has no AWS credentials")
                    .contains("AWS_ACCESS_KEY_ID");
        } finally {
            System.clearProperty("aws.disableEc2Metadata");
        }
    }
}
