package io.mcprospero.oauth;

/** A Client ID Metadata Document that cannot be used; the message says why, for the person and the client's developer. */
public final class MetadataDocumentRefused extends RuntimeException {

    public MetadataDocumentRefused(String reason) {
        super(reason, null, false, false);
    }
}
