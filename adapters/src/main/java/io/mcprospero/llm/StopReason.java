package io.mcprospero.llm;

public enum StopReason { END_TURN, TOOL_USE, MAX_TOKENS, OTHER }
