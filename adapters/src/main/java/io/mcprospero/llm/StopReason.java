package io.mcprospero.llm;

/** Why the model stopped: its turn is done, it wants tool results, it hit maxTokens, or anything else. */
public enum StopReason { END_TURN, TOOL_USE, MAX_TOKENS, OTHER }
