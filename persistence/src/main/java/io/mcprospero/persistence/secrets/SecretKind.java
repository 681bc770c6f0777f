package io.mcprospero.persistence.secrets;

/**
 * What a secret is, so that an operator can tell rows apart without decrypting them. The kind is bound into
 * the ciphertext's additional data: changing it in the database makes the secret unreadable.
 */
public enum SecretKind {
    /** An OAuth access and refresh token of a connected account (Gmail, Calendar, Slack). */
    OAUTH_TOKEN,
    /** An API key or password of an external service an agent uses. */
    API_KEY,
    /** The shared secret of an inbound webhook. */
    WEBHOOK_SECRET,
    /** An agent run's transcript: every model turn and tool call, with arguments and results. */
    RUN_TRANSCRIPT,
    /** What an agent noted for its next run (its remember tool). */
    AGENT_NOTES
}
