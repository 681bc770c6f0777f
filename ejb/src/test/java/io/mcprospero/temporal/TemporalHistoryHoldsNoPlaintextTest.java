package io.mcprospero.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.kms.CountingKeyManagement;
import io.mcprospero.kms.KeyManagementFixture;
import io.mcprospero.testing.Bytes;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A workflow run whose input, activity results and failure messages carry a token: the Temporal service's
 * history holds none of it in clear, while the workflow and the client see the real values.
 */
class TemporalHistoryHoldsNoPlaintextTest {

    private static final String TOKEN = "xoxb-token-that-must-not-rest-in-temporal";

    @WorkflowInterface
    public interface Relay {
        @WorkflowMethod
        String relay(String token);
    }

    @ActivityInterface
    public interface Messages {
        String send(String token);

        String fail(String token);
    }

    public static class RelayWorkflow implements Relay {
        private final Messages messages = Workflow.newActivityStub(Messages.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

        @Override
        public String relay(String token) {
            String sent = messages.send(token);
            try {
                messages.fail(token);
                return sent;
            } catch (ActivityFailure failure) {
                return sent + " | " + ((ApplicationFailure) failure.getCause()).getOriginalMessage();
            }
        }
    }

    public static class MessagesImpl implements Messages {
        @Override
        public String send(String token) {
            return "sent with " + token;
        }

        @Override
        public String fail(String token) {
            throw ApplicationFailure.newNonRetryableFailure("could not use " + token, "Refused");
        }
    }

    @Test
    void theHistoryOfARunCarryingATokenHoldsNoPlaintext() {
        try (KeyManagementFixture fixture = KeyManagementFixture.Kind.LOCAL.open()) {
            EncryptingPayloadCodec codec = EncryptingPayloadCodecTest.codec(new CountingKeyManagement(fixture.keys()));
            CodecDataConverter converter = new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(codec), true);
            try (TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                    .setWorkflowClientOptions(WorkflowClientOptions.newBuilder().setDataConverter(converter).build())
                    .build())) {
                Worker worker = temporal.newWorker("relay");
                worker.registerWorkflowImplementationTypes(RelayWorkflow.class);
                worker.registerActivitiesImplementations(new MessagesImpl());
                temporal.start();

                String result = temporal.getWorkflowClient()
                        .newWorkflowStub(Relay.class, WorkflowOptions.newBuilder().setTaskQueue("relay").setWorkflowId("relay-1").build())
                        .relay(TOKEN);
                byte[] history = temporal.getWorkflowClient().fetchHistory("relay-1").getHistory().toByteArray();

                assertThat(result).isEqualTo("sent with " + TOKEN + " | could not use " + TOKEN);
                assertThat(Bytes.contains(history, TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
                assertThat(Bytes.contains(history, "binary/encrypted".getBytes(StandardCharsets.UTF_8))).isTrue();
            }
        }
    }

    @Test
    void theWorkflowEngineEncryptsWhatItsClientSends() {
        try (KeyManagementFixture fixture = KeyManagementFixture.Kind.LOCAL.open()) {
            EncryptingPayloadCodec codec = EncryptingPayloadCodecTest.codec(new CountingKeyManagement(fixture.keys()));
            TemporalRuntime engine = new TemporalRuntime(TemporalSettings.from(key -> key.endsWith("task-queue") ? Optional.of("mcprospero-test") : Optional.empty()), codec);
            engine.start();
            try {
                var payload = engine.client().getOptions().getDataConverter().toPayload(TOKEN).orElseThrow();

                assertThat(payload.getMetadataOrThrow("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
                assertThat(Bytes.contains(payload.toByteArray(), TOKEN.getBytes(StandardCharsets.UTF_8))).isFalse();
            } finally {
                engine.stop();
            }
        }
    }
}
