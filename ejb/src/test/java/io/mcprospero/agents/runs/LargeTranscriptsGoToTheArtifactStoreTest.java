package io.mcprospero.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.artifacts.FileArtifacts;
import io.mcprospero.datakeys.RewrapCounts;
import io.mcprospero.datakeys.RewrapProgress;
import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.secrets.SecretInfo;
import io.mcprospero.secrets.SecretsBackend;
import io.mcprospero.storage.SealedArtifacts;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transcript above the threshold is kept sealed in the artifact store; its secret points there and reading is unchanged. */
class LargeTranscriptsGoToTheArtifactStoreTest {

    private static final String ORG = "org-1";
    private static final String RUN = "run-1";

    @TempDir
    Path root;

    private final Map<String, byte[]> secrets = new HashMap<>();

    private Transcripts transcripts() {
        return new Transcripts(new InMemorySecrets(secrets), new SealedArtifacts(new FileArtifacts(root)), 2_000);
    }

    private static Transcript withResult(int characters) {
        return Transcript.start("claude-haiku-4-5", "system", "Run started")
                .withTurn(Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "tool_use").add("id", "a")
                        .add("name", "http_fetch").add("input", Json.createObjectBuilder().add("url", "https://example.com/"))).build(),
                        Json.createObjectBuilder().add("turn", 0).build())
                .withToolResult("a", "page text ".repeat(characters / 10), false, Json.createObjectBuilder().add("id", "a").add("turn", 0).build());
    }

    private String storedSecret() {
        return new String(secrets.get(ORG + "/" + Transcripts.secretName(RUN)), StandardCharsets.UTF_8);
    }

    private Path artifact() {
        return root.resolve(Transcripts.artifactKey(ORG, RUN));
    }

    @Test
    void aSmallTranscriptStaysInItsSecret() {
        Transcript small = withResult(100);

        transcripts().save(ORG, RUN, small);

        assertThat(storedSecret()).contains("page text");
        assertThat(Files.exists(artifact())).isFalse();
        assertThat(transcripts().of(ORG, RUN)).contains(small);
    }

    @Test
    void aLargeTranscriptIsSealedInTheStoreAndReadBackTransparently() throws IOException {
        Transcript large = withResult(10_000);

        transcripts().save(ORG, RUN, large);

        assertThat(storedSecret()).startsWith("{\"artifact\":\"transcripts/org-1/run-1\"").doesNotContain("page text");
        assertThat(Files.readString(artifact(), StandardCharsets.ISO_8859_1)).doesNotContain("page text");
        assertThat(transcripts().of(ORG, RUN)).contains(large);
    }

    @Test
    void aTranscriptThatGrowsPastTheThresholdMovesAndKeepsOneContentKey() {
        Transcript small = withResult(100);
        transcripts().save(ORG, RUN, small);
        Transcript grown = small.withTurn(Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                .add("text", "summary ".repeat(500))).build(), Json.createObjectBuilder().add("turn", 1).build());

        transcripts().save(ORG, RUN, grown);
        String pointer = storedSecret();
        Transcript longer = grown.withTurn(Json.createArrayBuilder().build(), Json.createObjectBuilder().add("turn", 2).build());
        transcripts().save(ORG, RUN, longer);

        assertThat(storedSecret()).as("the rewrite keeps the content key").isEqualTo(pointer.replaceAll("\"bytes\":\\d+",
                "\"bytes\":" + longer.toJson().toString().getBytes(StandardCharsets.UTF_8).length));
        assertThat(transcripts().of(ORG, RUN)).contains(longer);
    }

    @Test
    void deletingARunsTranscriptDeletesItsArtifact() {
        transcripts().save(ORG, RUN, withResult(10_000));

        transcripts().delete(ORG, RUN);

        assertThat(Files.exists(artifact())).isFalse();
        assertThat(transcripts().of(ORG, RUN)).isEmpty();
    }

    /** The secrets port as a map (the real one is tested by the secrets contract tests). */
    private record InMemorySecrets(Map<String, byte[]> values) implements SecretsBackend {

        @Override
        public void put(String orgId, String name, SecretKind kind, byte[] value) {
            values.put(orgId + "/" + name, value.clone());
        }

        @Override
        public Optional<byte[]> get(String orgId, String name) {
            return Optional.ofNullable(values.get(orgId + "/" + name)).map(byte[]::clone);
        }

        @Override
        public boolean delete(String orgId, String name) {
            return values.remove(orgId + "/" + name) != null;
        }

        @Override
        public List<SecretInfo> list(String orgId) {
            return List.of();
        }

        @Override
        public RewrapCounts rewrapDataKeys(RewrapProgress progress) {
            return new RewrapCounts(0, 0, 0);
        }
    }
}
