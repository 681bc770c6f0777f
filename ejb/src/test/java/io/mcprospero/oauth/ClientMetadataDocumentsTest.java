package io.mcprospero.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMetadataDocumentsTest {

    private static final String URL = "https://claude.ai/oauth/mcp-oauth-client-metadata";
    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    private static final String CLAUDE = """
            {"client_id":"https://claude.ai/oauth/mcp-oauth-client-metadata","client_name":"Claude",
             "redirect_uris":["https://claude.ai/api/mcp/auth_callback","https://claude.com/api/mcp/auth_callback"],
             "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none"}""";

    @Test
    void claudesDocumentIsAcceptedAndCachedForTheServersMaxAgeUpToTheConfiguredMaximum() {
        ClientMetadataDocuments.Document document = documents(CLAUDE, Optional.of(Duration.ofMinutes(5))).fetch(URL, NOW);

        assertThat(document.metadata().redirectUris()).containsExactly("https://claude.ai/api/mcp/auth_callback",
                "https://claude.com/api/mcp/auth_callback");
        assertThat(document.cacheUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(documents(CLAUDE, Optional.of(Duration.ofDays(7))).fetch(URL, NOW).cacheUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(documents(CLAUDE, Optional.empty()).fetch(URL, NOW).cacheUntil()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefused() {
        String other = CLAUDE.replace("\"client_id\":\"" + URL, "\"client_id\":\"https://claude.ai/other");

        assertRefused(other, "client_id must be exactly");
    }

    @Test
    void aConfidentialClientIsRefused() {
        assertRefused(CLAUDE.replace("\"none\"", "\"client_secret_basic\""), "must be \"none\"");
        assertRefused(CLAUDE.replace(",\"token_endpoint_auth_method\":\"none\"", ""), "must be \"none\"");
    }

    @Test
    void redirectUrisFollowTheRegistrationRules() {
        assertRefused(CLAUDE.replace("https://claude.com/api", "http://claude.com/api"), "http on a non-loopback host");
    }

    @Test
    void somethingOtherThanAJsonObjectIsRefused() {
        assertRefused("[1,2]", "JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://claude.ai/oauth/metadata", "https://claude.ai", "https://claude.ai/", "https://u:p@claude.ai/m",
            "https://claude.ai/a/../m", "https://claude.ai/m#f"})
    void urlsTheDraftForbidsAreRefusedWithoutAFetch(String url) {
        ClientMetadataDocuments documents = new ClientMetadataDocuments(new MetadataDocumentFetcher() {
            @Override
            public Fetched fetch(URI ignored) {
                throw new AssertionError("fetched " + ignored);
            }
        }, settings());

        assertThatThrownBy(() -> documents.fetch(url, NOW)).isInstanceOf(MetadataDocumentRefused.class);
    }

    @Test
    void maxAgeIsReadFromCacheControl() {
        assertThat(MetadataDocumentFetcher.maxAge("public, max-age=300")).contains(Duration.ofSeconds(300));
        assertThat(MetadataDocumentFetcher.maxAge("no-store")).contains(Duration.ZERO);
        assertThat(MetadataDocumentFetcher.maxAge("private")).isEmpty();
        assertThat(MetadataDocumentFetcher.maxAge(null)).isEmpty();
    }

    private void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> documents(body, Optional.empty()).fetch(URL, NOW))
                .isInstanceOf(MetadataDocumentRefused.class).hasMessageContaining(reason);
    }

    private static ClientMetadataDocuments documents(String body, Optional<Duration> maxAge) {
        return new ClientMetadataDocuments(new MetadataDocumentFetcher() {
            @Override
            public Fetched fetch(URI url) {
                return new Fetched(body, maxAge);
            }
        }, settings());
    }

    private static MetadataDocumentSettings settings() {
        return new MetadataDocumentSettings(true, false, Duration.ofHours(1), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
