package io.mcprospero.net;

import java.time.Duration;

/** How much a guarded fetch may read and for how long (the whole exchange), and the media types it asks for. */
public record FetchLimits(int maxBytes, Duration timeout, String accept) {
}
