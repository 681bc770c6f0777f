package io.mcprospero.secrets;

import java.time.Duration;

/** What a key rotation did, for the admin who started it. */
public record RotationSummary(String currentKeyId, int rewrapped, int changedMeanwhile, int refused, Duration took) {
}
