package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Dynamic client registration (RFC 7591): good metadata registers, bad metadata is refused with the RFC's errors. */
class ClientRegistrationIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void aPublicClientRegistersAtBothPaths() {
        for (String path : new String[] {"/oauth/register", "/register"}) {
            HttpResponse<String> response = Http.postJson(server.baseUrl() + path,
                    "{\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"],\"client_name\":\"Claude\",\"token_endpoint_auth_method\":\"none\"}");

            assertThat(response.statusCode()).isEqualTo(201);
            JsonObject client = Http.json(response);
            assertThat(client.getString("client_id")).hasSizeGreaterThan(30);
            assertThat(client.getString("token_endpoint_auth_method")).isEqualTo("none");
            assertThat(client.containsKey("client_secret")).isFalse();
            assertThat(client.getJsonArray("redirect_uris").getString(0)).isEqualTo("https://claude.ai/api/mcp/auth_callback");
        }
    }

    @Test
    void aConfidentialClientGetsASecretOnce() {
        JsonObject client = Http.json(Http.postJson(server.baseUrl() + "/oauth/register",
                "{\"redirect_uris\":[\"http://127.0.0.1:8000/cb\"],\"token_endpoint_auth_method\":\"client_secret_post\"}"));
        assertThat(client.getString("client_secret")).hasSizeGreaterThan(30);
    }

    @Test
    void missingRedirectUrisAreRefused() {
        assertRefused("{\"client_name\":\"x\"}", "invalid_redirect_uri");
    }

    @Test
    void plainHttpOnANonLoopbackHostIsRefused() {
        assertRefused("{\"redirect_uris\":[\"http://evil.example.com/cb\"]}", "invalid_redirect_uri");
    }

    @Test
    void aRedirectUriWithAFragmentIsRefused() {
        assertRefused("{\"redirect_uris\":[\"https://app.example.com/cb#x\"]}", "invalid_redirect_uri");
    }

    @Test
    void anUnknownAuthMethodIsRefused() {
        assertRefused("{\"redirect_uris\":[\"https://app.example.com/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}",
                "invalid_client_metadata");
    }

    @Test
    void theImplicitGrantIsRefused() {
        assertRefused("{\"redirect_uris\":[\"https://app.example.com/cb\"],\"grant_types\":[\"implicit\"]}", "invalid_client_metadata");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused("{not json", "invalid_client_metadata");
    }

    private void assertRefused(String metadata, String error) {
        HttpResponse<String> response = Http.postJson(server.baseUrl() + "/oauth/register", metadata);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject body = Http.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("error_description")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception");
    }
}
