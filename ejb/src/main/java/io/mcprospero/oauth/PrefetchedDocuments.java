package io.mcprospero.oauth;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What this request's fetches of Client ID Metadata Documents came to, before it opened its transaction
 * ({@link OAuthClients#prefetch}): the URLs whose fresh copy it stored, and the refusals, for the lookup inside the
 * transaction to use.
 */
@RequestScoped
public class PrefetchedDocuments {

    private final Set<String> stored = new HashSet<>();
    private final Map<String, MetadataDocumentRefused> refused = new HashMap<>();

    void stored(String url) {
        stored.add(url);
        refused.remove(url);
    }

    void refused(String url, MetadataDocumentRefused refusal) {
        refused.put(url, refusal);
        stored.remove(url);
    }

    /** Whether this request stored a fresh copy of the document; throws the refusal its fetch ended in. */
    boolean storedFresh(String url) {
        MetadataDocumentRefused refusal = refused.get(url);
        if (refusal != null) {
            throw refusal;
        }
        return stored.contains(url);
    }
}
