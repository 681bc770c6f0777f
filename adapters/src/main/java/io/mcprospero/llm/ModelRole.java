package io.mcprospero.llm;

public enum ModelRole { USER, ASSISTANT }
