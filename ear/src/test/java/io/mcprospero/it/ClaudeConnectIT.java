package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.CimdStandIn;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Connects the way claude.ai does, both ways it can identify itself: dynamic registration, and its Client
 * ID Metadata Document at https://claude.ai/oauth/mcp-oauth-client-metadata (served by {@link CimdStandIn}).
 * The redirect to claude.ai is read, not followed.
 */
class ClaudeConnectIT {

    private static final String CALLBACK = "https://claude.ai/api/mcp/auth_callback";

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void claudeRegistersDynamicallySignsInAndListsTheTools() {
        HttpResponse<String> registered = Http.postJson(server.baseUrl() + "/oauth/register", """
                {"client_name":"Claude","redirect_uris":["https://claude.ai/api/mcp/auth_callback","https://claude.com/api/mcp/auth_callback"],
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none"}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        connectAs(Http.json(registered).getString("client_id"), "claude-dcr@example.com");
    }

    @Test
    void claudeIdentifiesWithItsMetadataDocumentSignsInAndListsTheTools() {
        CimdStandIn.shared();

        connectAs(CimdStandIn.CLAUDE_CLIENT_ID, "claude-cimd@example.com");
    }

    private void connectAs(String clientId, String email) {
        String verifier = LocalSignIn.verifier();
        String state = UUID.randomUUID().toString();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", clientId);
        authorize.put("redirect_uri", CALLBACK);
        authorize.put("code_challenge", LocalSignIn.challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        authorize.put("state", state);
        authorize.put("scope", "mcp");
        authorize.put("resource", server.mcpUrl());

        URI callback = signIn.signInAt(signIn.authorizeUrl(authorize), email);

        assertThat(callback.getScheme() + "://" + callback.getHost() + callback.getPath()).isEqualTo(CALLBACK);
        Map<String, String> answer = LocalSignIn.query(callback);
        assertThat(answer).containsEntry("state", state).containsEntry("iss", server.baseUrl()).containsKey("code");

        HttpResponse<String> token = Http.postForm(server.baseUrl() + "/oauth/token", Map.of(
                "grant_type", "authorization_code", "code", answer.get("code"), "redirect_uri", CALLBACK,
                "client_id", clientId, "code_verifier", verifier, "resource", server.mcpUrl()));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        JsonObject tokens = Http.json(token);
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getString("refresh_token")).isNotBlank();

        RawMcp mcp = new RawMcp(server, tokens.getString("access_token"));
        mcp.initialize();
        JsonObject tools = mcp.request("tools/list", null);
        assertThat(tools.getJsonObject("result").getJsonArray("tools").getValuesAs(JsonValue::asJsonObject))
                .extracting(tool -> tool.getString("name"))
                .contains("whoami", "create_org");
    }
}
