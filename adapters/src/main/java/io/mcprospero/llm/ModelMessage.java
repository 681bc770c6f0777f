package io.mcprospero.llm;

import java.util.List;
import java.util.Objects;

/** One message of the conversation: the user's (which carries tool results too) or the model's. */
public record ModelMessage(ModelRole role, List<ContentBlock> content) {

    public ModelMessage {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(Objects.requireNonNull(content, "content"));
    }

    public static ModelMessage user(String text) {
        return new ModelMessage(ModelRole.USER, List.of(new TextBlock(text)));
    }

    public static ModelMessage user(List<ContentBlock> content) {
        return new ModelMessage(ModelRole.USER, content);
    }

    public static ModelMessage assistant(List<ContentBlock> content) {
        return new ModelMessage(ModelRole.ASSISTANT, content);
    }
}
