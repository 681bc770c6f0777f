package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.CimdStandIn.Document;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Client ID Metadata Documents are fetched from URLs anyone can put in an /authorize link, so the fetch is
 * guarded: each test here serves or points at something a careless fetcher would accept, and checks that
 * the person gets an error page saying what was wrong, that nothing redirects, and (for addresses the
 * server must not reach) that the request never arrived. The stand-in listens on 127.0.0.1 with a
 * certificate valid for 127.0.0.1, so without the address check those fetches would succeed.
 */
class ClientMetadataDocumentIT {

    private static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final CimdStandIn standIn = CimdStandIn.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void theAuthorizationServerAdvertisesMetadataDocuments() {
        assertThat(Http.json(Http.get(server.baseUrl() + "/.well-known/oauth-authorization-server"))
                .getBoolean("client_id_metadata_document_supported")).isTrue();
    }

    @Test
    void aDocumentOnALoopbackAddressIsRefusedWithoutAFetch() {
        String path = servedClaudeLikeDocument();
        String clientId = "https://127.0.0.1:" + standIn.port() + path;

        assertErrorPage(clientId, "loopback address");
        assertThat(standIn.hits(path)).isZero();
    }

    @Test
    void aDocumentOnAHostNameThatResolvesToLoopbackIsRefusedWithoutAFetch() {
        String path = servedClaudeLikeDocument();

        assertErrorPage("https://localhost:" + standIn.port() + path, "resolves to a loopback address");
        assertThat(standIn.hits(path)).isZero();
    }

    @Test
    void aDocumentOnAPrivateNetworkIsRefused() {
        assertErrorPage("https://10.0.0.1/oauth/client", "private address");
        assertErrorPage("https://169.254.169.254/latest/meta-data", "link-local address");
    }

    @Test
    void anIpLiteralHostIsRefusedBeforeConnectingWithAPageNotA500() {
        assertErrorPage("https://[2606:4700::6810:1]/oauth/client", "must name its host by a domain name");
        assertErrorPage("https://8.8.8.8/oauth/client", "must name its host by a domain name");
    }

    @Test
    void ipv6FormsCarryingAPrivateAddressAreRefused() {
        assertErrorPage("https://[2002:a00:1::1]/oauth/client", "a private address (inside a 6to4 address)");
        assertErrorPage("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/oauth/client", "Teredo");
        assertErrorPage("https://[64:ff9b:1::a00:1]/oauth/client", "local-use NAT64");
    }

    @Test
    void aDocumentServedOverPlainHttpIsRefused() {
        assertErrorPage("http://claude.ai/oauth/mcp-oauth-client-metadata", "https");
    }

    @Test
    void aDocumentNamingAnotherClientIdIsRefused() {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, Document.json(CimdStandIn.CLAUDE_METADATA, "max-age=60"));

        assertErrorPage("https://claude.ai" + path, "client_id must be exactly the URL");
        assertThat(standIn.hits(path)).isEqualTo(1);
    }

    @Test
    void anOversizedDocumentIsRefusedWithOrWithoutContentLength() {
        for (boolean chunked : new boolean[] {false, true}) {
            String path = "/oauth/" + UUID.randomUUID();
            String clientId = "https://claude.ai" + path;
            String padded = document(clientId).replace("\"client_name\"", "\"padding\":\"" + "x".repeat(6 * 1024) + "\",\"client_name\"");
            standIn.serve(path, new Document(200, Map.of("Content-Type", "application/json"), padded, chunked));

            assertErrorPage(clientId, "larger than 5 KB");
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        String target = servedClaudeLikeDocument();
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, new Document(302, Map.of("Location", "https://claude.ai" + target), "", false));

        assertErrorPage("https://claude.ai" + path, "redirects are not followed");
        assertThat(standIn.hits(target)).isZero();
    }

    @Test
    void aDocumentThatIsNotJsonIsRefused() {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, new Document(200, Map.of("Content-Type", "text/html"), document("https://claude.ai" + path), false));

        assertErrorPage("https://claude.ai" + path, "not application/json");
    }

    @Test
    void aConfidentialClientDocumentIsRefused() {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, Document.json(document("https://claude.ai" + path).replace("\"none\"", "\"client_secret_basic\""), "max-age=60"));

        assertErrorPage("https://claude.ai" + path, "a public client");
    }

    @Test
    void aRedirectUriTheDocumentDoesNotListIsRefused() {
        String path = servedClaudeLikeDocument();
        Map<String, String> parameters = authorizeParameters("https://claude.ai" + path);
        parameters.put("redirect_uri", "https://attacker.example.com/cb");

        HttpResponse<String> response = signIn.authorize(parameters);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aDocumentIsCachedForItsMaxAgeAndFetchedAgainWhenItMayNotBeCached() {
        String cached = servedClaudeLikeDocument();
        String uncached = "/oauth/" + UUID.randomUUID();
        standIn.serve(uncached, Document.json(document("https://claude.ai" + uncached), "no-store"));

        for (int i = 0; i < 2; i++) {
            assertThat(signIn.authorize(authorizeParameters("https://claude.ai" + cached)).statusCode()).isEqualTo(200);
            assertThat(signIn.authorize(authorizeParameters("https://claude.ai" + uncached)).statusCode()).isEqualTo(200);
        }

        assertThat(standIn.hits(cached)).isEqualTo(1);
        assertThat(standIn.hits(uncached)).isEqualTo(2);
    }

    @Test
    void theTokenEndpointRefusesAnUnusableDocumentAsInvalidClient() {
        HttpResponse<String> response = Http.postForm(server.baseUrl() + "/oauth/token", Map.of(
                "grant_type", "authorization_code", "code", "x", "redirect_uri", CALLBACK,
                "client_id", "https://127.0.0.1/oauth/client", "code_verifier", LocalSignIn.verifier()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).getString("error")).isEqualTo("invalid_client");
        assertThat(Http.json(response).getString("error_description")).contains("loopback address");
    }

    /** Serves a valid document naming its own URL at a fresh path, cacheable for a minute. */
    private String servedClaudeLikeDocument() {
        String path = "/oauth/" + UUID.randomUUID();
        standIn.serve(path, Document.json(document("https://claude.ai" + path), "max-age=60"));
        return path;
    }

    private static String document(String clientId) {
        return CimdStandIn.CLAUDE_METADATA.replace(CimdStandIn.CLAUDE_CLIENT_ID, clientId);
    }

    private Map<String, String> authorizeParameters(String clientId) {
        Map<String, String> parameters = signIn.authorizeParameters(new LocalSignIn.Client(clientId, CALLBACK), LocalSignIn.verifier(), "s");
        return parameters;
    }

    private void assertErrorPage(String clientId, String reason) {
        HttpResponse<String> response = signIn.authorize(authorizeParameters(clientId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("metadata document").contains(reason).doesNotContain("Exception");
    }
}
