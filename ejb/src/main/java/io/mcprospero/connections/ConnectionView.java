package io.mcprospero.connections;

import java.time.Instant;

/** A connection as the person sees it: which provider, which account, who connected it and when, when last used. Never a token. */
public record ConnectionView(Provider provider, String account, String connectedBy, Instant connectedAt, Instant lastUsedAt) {
}
