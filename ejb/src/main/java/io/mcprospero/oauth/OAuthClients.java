package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.ClientKind;
import io.mcprospero.persistence.oauth.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the client a request names: a registered client by id, or a metadata document client by its URL.
 * Documents are cached as rows of kind METADATA_DOCUMENT until their cache expiry, in the shared database
 * rather than in memory, so that the token endpoint on another instance finds the client the authorize
 * request saw without fetching again; past the expiry the document is fetched again, never used stale.
 */
@ApplicationScoped
public class OAuthClients {

    private EntityManager entityManager;
    private ClientMetadataDocuments documents;

    protected OAuthClients() {
        // for the CDI proxy
    }

    @Inject
    public OAuthClients(EntityManager entityManager, ClientMetadataDocuments documents) {
        this.entityManager = entityManager;
        this.documents = documents;
    }

    /**
     * The usable client with this id, in the caller's transaction; empty when unknown or expired. A
     * metadata document that cannot be used throws MetadataDocumentRefused.
     */
    public Optional<OAuthClient> find(String clientId, Instant now) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 2048) {
            return Optional.empty();
        }
        if (ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return Optional.of(documentClient(clientId, now));
        }
        OAuthClient client = entityManager.find(OAuthClient.class, clientId);
        return client == null || client.isExpired(now) || client.isMetadataDocument() ? Optional.empty() : Optional.of(client);
    }

    private OAuthClient documentClient(String url, Instant now) {
        if (!documents.enabled()) {
            throw new MetadataDocumentRefused("this server does not accept Client ID Metadata Documents; register the client instead");
        }
        OAuthClient cached = entityManager.find(OAuthClient.class, url);
        if (cached != null && !cached.isMetadataDocument()) {
            throw new MetadataDocumentRefused("its URL is taken by a registered client");
        }
        if (cached != null && !cached.isExpired(now)) {
            return cached;
        }
        ClientMetadataDocuments.Document document = documents.fetch(url, now);
        ClientMetadata metadata = document.metadata();
        if (cached != null) {
            cached.refreshFromDocument(metadata.clientName(), metadata.redirectUris(), metadata.json().toString(), now, document.cacheUntil());
            return cached;
        }
        OAuthClient client = new OAuthClient(url, ClientKind.METADATA_DOCUMENT, metadata.clientName(), metadata.redirectUris(), "none",
                null, metadata.json().toString(), null, now, document.cacheUntil());
        entityManager.persist(client);
        return client;
    }
}
