package io.mcprospero.runs;

/** Whether a run goes ahead (an agent paused or deleted since it was due does not run; {@code reason} says why) and its turn limit. */
public record RunStart(boolean proceed, String reason, int maxTurns) {
}
