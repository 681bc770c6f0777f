package io.mcprospero.mcp.mrtr;

import java.util.Map;

/**
 * Thrown by a tool that cannot finish without the person's answers: the tool catalog rolls the call back (nothing is
 * written) and answers with these questions, in the era's shape. The call is repeated with the answers.
 */
public final class InputRequired extends RuntimeException {

    private final transient Map<String, InputRequest> questions;

    public InputRequired(Map<String, InputRequest> questions) {
        super("input required: " + String.join(", ", questions.keySet()), null, false, false);
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("input required without a question");
        }
        this.questions = Map.copyOf(questions);
    }

    public Map<String, InputRequest> questions() {
        return questions;
    }
}
