package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.ClientKind;
import io.mcprospero.persistence.oauth.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;

/**
 * Stores a fetched Client ID Metadata Document as its client row, in a short transaction of its own, after the fetch
 * and before the request's own transaction ({@link OAuthClients#prefetch}).
 */
@ApplicationScoped
public class MetadataDocumentRows {

    private EntityManager entityManager;

    protected MetadataDocumentRows() {
        // for the CDI proxy
    }

    @Inject
    public MetadataDocumentRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Refreshes the row with this copy, or inserts it. Two first fetches of one document at once may both insert: the
     * later one fails on the primary key at flush and rolls back (EclipseLink logs it as a warning), and the caller
     * stores again, which then refreshes.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void store(String url, ClientMetadataDocuments.Document document, Instant now) {
        ClientMetadata metadata = document.metadata();
        int refreshed = entityManager.createNamedQuery(OAuthClient.REFRESH_DOCUMENT)
                .setParameter("clientId", url)
                .setParameter("clientName", metadata.clientName())
                .setParameter("redirectUris", String.join("\n", metadata.redirectUris()))
                .setParameter("metadataJson", metadata.json().toString())
                .setParameter("now", now)
                .setParameter("expiresAt", document.cacheUntil())
                .executeUpdate();
        if (refreshed > 0) {
            return;
        }
        OAuthClient existing = entityManager.find(OAuthClient.class, url);
        if (existing != null && !existing.isMetadataDocument()) {
            throw new MetadataDocumentRefused("its URL is taken by a registered client");
        }
        if (existing != null) {
            // another request stored its copy between the two statements; it is as fresh as this one
            return;
        }
        entityManager.persist(new OAuthClient(url, ClientKind.METADATA_DOCUMENT, metadata.clientName(), metadata.redirectUris(), "none",
                null, metadata.json().toString(), null, now, document.cacheUntil()));
        entityManager.flush();
    }
}
