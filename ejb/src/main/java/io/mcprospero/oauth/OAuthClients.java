package io.mcprospero.oauth;

import io.mcprospero.persistence.oauth.OAuthClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the client a request names: a registered client by id, or a metadata document client by its URL.
 * Documents are cached as rows of kind METADATA_DOCUMENT until their cache expiry, in the shared database
 * rather than in memory, so that the token endpoint on another instance finds the client the authorize
 * request saw without fetching again; past the expiry the document is fetched again, never used stale.
 * <p>
 * The fetch happens before the request's transaction ({@link #prefetch}), never inside it: the URL is the caller's
 * choice and the fetch may take seconds, and a transaction that has written holds its database connection to the end,
 * so a few dozen slow documents could take the whole pool. The fresh copy is stored in a short transaction of its own
 * ({@link MetadataDocumentRows}), so that the request's transaction only reads the row.
 */
@ApplicationScoped
public class OAuthClients {

    /** A cached document this close to its expiry is fetched ahead, so that it is still fresh in the transaction. */
    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    private static final int MAX_CLIENT_ID = 2048;
    /** How stale lastUsedAt may be: it tells an admin whether a client is in use, not how often. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private EntityManager entityManager;
    private ClientMetadataDocuments documents;
    private PrefetchedDocuments prefetched;
    private MetadataDocumentRows rows;
    private DocumentFetchLimits limits;
    private Clock clock;

    protected OAuthClients() {
        // for the CDI proxy
    }

    @Inject
    public OAuthClients(EntityManager entityManager, ClientMetadataDocuments documents, PrefetchedDocuments prefetched,
                        MetadataDocumentRows rows, DocumentFetchLimits limits, Clock clock) {
        this.entityManager = entityManager;
        this.documents = documents;
        this.prefetched = prefetched;
        this.rows = rows;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Outside any transaction, at the boundary, before the request looks this client up: fetches its metadata
     * document when the client_id is a document URL whose cached copy is missing or about to expire. A refusal is
     * kept for the lookup to report, and remembered briefly ({@link DocumentFetchLimits}); fetches are bounded per
     * client address and per document host. Does nothing for a registered client.
     */
    public void prefetch(String clientId, String address) {
        if (!ClientMetadataDocuments.isDocumentUrl(clientId) || clientId.length() > MAX_CLIENT_ID || !documents.enabled()) {
            return;
        }
        Instant now = clock.instant();
        // outside a transaction the read returns its connection at once
        OAuthClient cached = entityManager.find(OAuthClient.class, clientId);
        if (cached != null && (!cached.isMetadataDocument() || !cached.isExpired(now.plus(REFRESH_AHEAD)))) {
            return;
        }
        try {
            limits.admit(clientId, address, now);
        } catch (MetadataDocumentRefused notNow) {
            prefetched.refused(clientId, notNow);
            return;
        }
        try {
            ClientMetadataDocuments.Document document = documents.fetch(clientId, now);
            try {
                rows.store(clientId, document, now);
            } catch (MetadataDocumentRefused refused) {
                throw refused;
            } catch (RuntimeException concurrentFirstFetch) {
                // another request inserted the row first (the primary key refused ours): refresh it instead
                rows.store(clientId, document, now);
            }
            prefetched.stored(clientId);
        } catch (MetadataDocumentRefused refused) {
            limits.refused(clientId, refused, now);
            prefetched.refused(clientId, refused);
        }
    }

    /**
     * In the caller's transaction: the client was named by an authorization request. Its last use is recorded, and a
     * registration not yet used stays alive at least until {@code notBefore}, so that it does not expire mid sign-in.
     */
    public void recordAuthorizationRequest(String clientId, Instant now, Instant notBefore) {
        recordUse(clientId, now);
        entityManager.createNamedQuery(OAuthClient.KEEP_REGISTRATION).setParameter("clientId", clientId)
                .setParameter("notBefore", notBefore).executeUpdate();
    }

    /** In the caller's transaction: the client redeemed a code or a refresh token; a registration in use never expires. */
    public void recordTokenGrant(String clientId, Instant now) {
        recordUse(clientId, now);
        entityManager.createNamedQuery(OAuthClient.MAKE_PERMANENT).setParameter("clientId", clientId).executeUpdate();
    }

    private void recordUse(String clientId, Instant now) {
        entityManager.createNamedQuery(OAuthClient.RECORD_USE).setParameter("clientId", clientId).setParameter("now", now)
                .setParameter("staleBefore", now.minus(USE_RECORDED_EVERY)).executeUpdate();
    }

    /**
     * The usable client with this id, in the caller's transaction; empty when unknown or expired. A
     * metadata document that cannot be used throws MetadataDocumentRefused.
     */
    public Optional<OAuthClient> find(String clientId, Instant now) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID) {
            return Optional.empty();
        }
        if (ClientMetadataDocuments.isDocumentUrl(clientId)) {
            return Optional.of(documentClient(clientId, now));
        }
        OAuthClient client = entityManager.find(OAuthClient.class, clientId);
        return client == null || client.isExpired(now) || client.isMetadataDocument() ? Optional.empty() : Optional.of(client);
    }

    /**
     * The client as stored, for showing its name on the consent page: a metadata document client's cached row even
     * past its cache expiry, since the authorize request validated its redirect URI against a fresh copy, and
     * fetching here would happen inside the page's transaction.
     */
    public Optional<OAuthClient> stored(String clientId, Instant now) {
        if (ClientMetadataDocuments.isDocumentUrl(clientId) && clientId.length() <= MAX_CLIENT_ID) {
            return Optional.ofNullable(entityManager.find(OAuthClient.class, clientId)).filter(OAuthClient::isMetadataDocument);
        }
        return find(clientId, now);
    }

    private OAuthClient documentClient(String url, Instant now) {
        if (!documents.enabled()) {
            throw new MetadataDocumentRefused("this server does not accept Client ID Metadata Documents; register the client instead");
        }
        OAuthClient cached = entityManager.find(OAuthClient.class, url);
        if (cached != null && !cached.isMetadataDocument()) {
            throw new MetadataDocumentRefused("its URL is taken by a registered client");
        }
        // throws the refusal this request's fetch ended in
        boolean fetchedNow = prefetched.storedFresh(url);
        if (cached != null && (fetchedNow || !cached.isExpired(now))) {
            return cached;
        }
        throw new MetadataDocumentRefused("it could not be fetched in time for this request; try again");
    }
}
