package io.mcprospero.runtime;

/** The workflow engine and this instance's workers have started: schedules can be reconciled with the database. */
public record EngineStarted() {
}
