package io.mcprospero.signup;

/** An allowlist entry as written (normalized), and whether the edit changed the allowlist. */
public record AllowlistEdit(String entry, boolean changed) {
}
