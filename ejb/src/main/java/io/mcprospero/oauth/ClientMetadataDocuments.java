package io.mcprospero.oauth;

import io.mcprospero.net.HostNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;

/**
 * Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document, MCP 2025-11-25): a client
 * whose client_id is an https URL publishes its metadata there instead of registering. The document
 * must name itself (client_id equal to the URL), may only describe a public client, and its redirect
 * URIs follow the same rules as dynamic registration.
 */
@ApplicationScoped
public class ClientMetadataDocuments {

    private static final int MAX_URL = 2048;

    private MetadataDocumentFetcher fetcher;
    private MetadataDocumentSettings settings;

    protected ClientMetadataDocuments() {
        // for the CDI proxy
    }

    @Inject
    public ClientMetadataDocuments(MetadataDocumentFetcher fetcher, MetadataDocumentSettings settings) {
        this.fetcher = fetcher;
        this.settings = settings;
    }

    /** A validated document and until when it may be used without fetching it again. */
    public record Document(ClientMetadata metadata, Instant cacheUntil) {
    }

    /** Whether this client_id claims to be a metadata document URL (a registered id never contains "://"). */
    public static boolean isDocumentUrl(String clientId) {
        return clientId != null && clientId.contains("://");
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Fetches and validates the document at this client_id; throws MetadataDocumentRefused saying what is wrong. */
    public Document fetch(String clientId, Instant now) {
        URI url = checkedUrl(clientId);
        MetadataDocumentFetcher.Fetched fetched = fetcher.fetch(url);
        JsonObject json;
        ClientMetadata metadata;
        try {
            json = ClientMetadata.parseObject(fetched.body());
            metadata = ClientMetadata.of(json);
        } catch (OAuthError invalid) {
            throw new MetadataDocumentRefused(invalid.description());
        }
        JsonValue named = json.get("client_id");
        if (!(named instanceof JsonString name) || !name.getString().equals(clientId)) {
            throw new MetadataDocumentRefused("its client_id must be exactly the URL it is served from, " + clientId);
        }
        if (!json.containsKey("token_endpoint_auth_method") || !metadata.isPublic()) {
            throw new MetadataDocumentRefused("token_endpoint_auth_method must be \"none\": a metadata document describes a public client");
        }
        Duration cache = fetched.maxAge().filter(age -> age.compareTo(settings.cacheMax()) < 0).orElse(settings.cacheMax());
        return new Document(metadata, now.plus(cache));
    }

    /** The URL rules of the draft (§3): https, a path, no fragment, no credentials, no dot segments. */
    private static URI checkedUrl(String clientId) {
        if (clientId.length() > MAX_URL) {
            throw new MetadataDocumentRefused("its URL is longer than " + MAX_URL + " characters");
        }
        URI url;
        try {
            url = new URI(clientId);
        } catch (URISyntaxException e) {
            throw new MetadataDocumentRefused("its client_id is not a valid URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new MetadataDocumentRefused("it must be served over https");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new MetadataDocumentRefused("its URL must name a host and carry no user name or password");
        }
        String literal = HostNames.ipLiteralProblem(url.getHost());
        if (literal != null) {
            throw new MetadataDocumentRefused(literal);
        }
        String path = url.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw new MetadataDocumentRefused("its URL must have a path");
        }
        if (url.getRawFragment() != null) {
            throw new MetadataDocumentRefused("its URL must not have a fragment");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new MetadataDocumentRefused("its URL must not contain . or .. path segments");
            }
        }
        return url;
    }
}
