package io.mcprospero.llm;

import java.util.List;

public record ModelMessage(ModelRole role, List<ContentBlock> content) {
}
