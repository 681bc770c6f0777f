package io.mcprospero.datakeys;

/**
 * The outcome of re-wrapping stored data keys (of secrets, of signing keys): how many were re-wrapped, how many
 * were replaced by a write meanwhile (which used the current key already), and how many the master key refused
 * (altered rows, each logged with its id).
 */
public record RewrapCounts(int rewrapped, int changedMeanwhile, int refused) {
}
