package io.mcprospero.agents.runs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static JsonObject use(String id) {
        return Json.createObjectBuilder().add("type", "tool_use").add("id", id).add("name", "remember")
                .add("input", Json.createObjectBuilder().add("note", "n")).build();
    }

    @Test
    void resultsOfOneTurnShareOneUserMessageAndAreFoundByCallId() {
        Transcript transcript = Transcript.start("claude-haiku-4-5", "system", "Run started")
                .withTurn(Json.createArrayBuilder().add(use("a")).add(use("b")).build(), Json.createObjectBuilder().add("turn", 0).build())
                .withToolResult("a", "ok", false, Json.createObjectBuilder().add("id", "a").add("turn", 0).build())
                .withToolResult("b", "x".repeat(Transcript.MAX_TEXT + 10), true, Json.createObjectBuilder().add("id", "b").add("turn", 0).build());

        assertThat(transcript.messages()).hasSize(3);
        assertThat(transcript.messages().get(2).getJsonArray("content")).hasSize(2);
        assertThat(transcript.toolUsesOf(0)).extracting(block -> block.getString("id")).containsExactly("a", "b");
        assertThat(transcript.hasResult("a")).isTrue();
        assertThat(transcript.hasResult("c")).isFalse();
        assertThat(transcript.messages().get(2).getJsonArray("content").getJsonObject(1).getString("content")).contains("[truncated");
        assertThat(Transcript.fromJson(transcript.toJson())).isEqualTo(transcript);
    }

    @Test
    void aSendingCallBegunWithoutAResultIsKnownAfterARestartAndAnOldTranscriptReadsWithoutStarts() {
        Transcript begun = Transcript.start("claude-haiku-4-5", "system", "Run started")
                .withTurn(Json.createArrayBuilder().add(use("a")).build(), Json.createObjectBuilder().add("turn", 0).build())
                .withStarted("a");

        Transcript reread = Transcript.fromJson(begun.toJson());

        assertThat(reread.startedWithoutResult("a")).isTrue();
        assertThat(reread.withToolResult("a", "sent", false, Json.createObjectBuilder().add("id", "a").add("turn", 0).build())
                .startedWithoutResult("a")).isFalse();
        JsonObject old = Json.createObjectBuilder(begun.toJson()).remove("started").build();
        assertThat(Transcript.fromJson(old).started()).isEmpty();
    }
}
