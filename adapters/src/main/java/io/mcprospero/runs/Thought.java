package io.mcprospero.runs;

import java.util.List;

/** What one model turn decided: done, or the tool calls to make (by their ids in the transcript) before the next turn. */
public record Thought(boolean done, List<String> toolCallIds) {
}
