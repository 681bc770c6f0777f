package io.mcprospero.persistence.oauth;

/** How MCProspero learned about an OAuth client. */
public enum ClientKind {
    /** Registered through RFC 7591 dynamic client registration. */
    REGISTERED,
    /** Described by a Client ID Metadata Document at an https URL that is its client_id. */
    METADATA_DOCUMENT
}
