package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client discovers everything from the MCP URL alone (RFC 9728, RFC 8414). */
class DiscoveryIT {

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void mcpWithoutTokenAnswers401WithTheResourceMetadataChallenge() {
        HttpResponse<String> response = Http.postJson(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                "Bearer resource_metadata=\"" + server.baseUrl() + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(response.body()).doesNotContain("Exception").contains("\"error\"");
    }

    @Test
    void getAndDeleteOnMcpWithoutTokenGetTheSameChallenge() {
        for (HttpResponse<String> response : List.of(Http.get(server.mcpUrl()),
                Http.delete(server.mcpUrl(), "Mcp-Session-Id", "some-session"), Http.delete(server.mcpUrl()))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(
                    "Bearer resource_metadata=\"" + server.baseUrl() + "/.well-known/oauth-protected-resource/mcp\"");
        }
    }

    @Test
    void aForgedTokenIsRefusedWithInvalidToken() {
        HttpResponse<String> response = Http.postJson(server.mcpUrl(), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void protectedResourceMetadataIsServedAtBothPaths() {
        for (String path : new String[] {"/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp"}) {
            JsonObject metadata = Http.json(Http.get(server.baseUrl() + path));
            assertThat(metadata.getString("resource")).isEqualTo(server.mcpUrl());
            assertThat(metadata.getJsonArray("authorization_servers").getString(0)).isEqualTo(server.baseUrl());
        }
    }

    @Test
    void authorizationServerMetadataAdvertisesPkceS256AndRegistration() {
        for (String path : new String[] {"/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"}) {
            JsonObject metadata = Http.json(Http.get(server.baseUrl() + path));
            assertThat(metadata.getString("issuer")).isEqualTo(server.baseUrl());
            assertThat(metadata.getString("authorization_endpoint")).isEqualTo(server.baseUrl() + "/oauth/authorize");
            assertThat(metadata.getString("token_endpoint")).isEqualTo(server.baseUrl() + "/oauth/token");
            assertThat(metadata.getString("registration_endpoint")).isEqualTo(server.baseUrl() + "/oauth/register");
            assertThat(metadata.getJsonArray("code_challenge_methods_supported").getString(0)).isEqualTo("S256");
            assertThat(metadata.getBoolean("authorization_response_iss_parameter_supported")).isTrue();
        }
    }

    @Test
    void jwksPublishesTheRsaSigningKey() {
        JsonObject jwks = Http.json(Http.get(server.baseUrl() + "/oauth/jwks"));
        JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
        assertThat(key.getString("kty")).isEqualTo("RSA");
        assertThat(key.containsKey("d")).as("no private part").isFalse();
    }

    @Test
    void browserClientsGetCorsOnMetadataAndPreflightOnMcp() {
        HttpResponse<String> metadata = Http.get(server.baseUrl() + "/.well-known/oauth-protected-resource/mcp",
                "Origin", "http://localhost:6274");
        assertThat(metadata.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

        HttpResponse<String> unauthorized = Http.postJson(server.mcpUrl(), "{}", "Origin", "http://localhost:6274");
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:6274");
        assertThat(unauthorized.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("WWW-Authenticate");
    }
}
