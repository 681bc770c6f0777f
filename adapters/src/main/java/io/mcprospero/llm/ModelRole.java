package io.mcprospero.llm;

/** Who wrote a message. Tool results travel in a {@link #USER} message, as in Anthropic's Messages API. */
public enum ModelRole { USER, ASSISTANT }
