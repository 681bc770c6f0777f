package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ModernMcp;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ending a sign-in ends it at once: revoking either token of a grant (RFC 7009), or the reuse that betrays a stolen
 * code or refresh token, refuses the grant's access tokens at the next request, in both eras, though they are signed
 * and unexpired; every request reads the grant anyway, so this costs nothing more.
 */
class GrantRevocationIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    private record SignedIn(LocalSignIn.Client client, String accessToken, String refreshToken) {
    }

    private SignedIn signInAs(String email) {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        JsonObject tokens = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, email), verifier));
        return new SignedIn(client, tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    @Test
    void revokingTheRefreshTokenRefusesItsAccessTokenAtOnceInBothEras() {
        SignedIn signedIn = signInAs("revoke-refresh@example.com");
        ModernMcp modern = new ModernMcp(server, signedIn.accessToken());
        RawMcp legacy = new RawMcp(server, signedIn.accessToken());
        String session = legacy.initialize();
        assertThat(modern.request("tools/list", "{}", "{}").statusCode()).isEqualTo(200);

        assertThat(revoke(signedIn.client(), signedIn.refreshToken()).statusCode()).isEqualTo(200);

        assertRefused(modern.request("tools/list", "{}", "{}"));
        assertRefused(legacy.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(signIn.refresh(signedIn.client(), signedIn.refreshToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void revokingTheAccessTokenEndsTheWholeSignIn() {
        SignedIn signedIn = signInAs("revoke-access@example.com");
        ModernMcp modern = new ModernMcp(server, signedIn.accessToken());
        assertThat(modern.request("tools/list", "{}", "{}").statusCode()).isEqualTo(200);

        assertThat(revoke(signedIn.client(), signedIn.accessToken()).statusCode()).isEqualTo(200);

        assertRefused(modern.request("tools/list", "{}", "{}"));
        assertThat(signIn.refresh(signedIn.client(), signedIn.refreshToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherClientCannotRevokeTheAccessToken() {
        SignedIn signedIn = signInAs("revoke-foreign@example.com");
        LocalSignIn.Client other = signIn.register();

        assertThat(revoke(other, signedIn.accessToken()).statusCode()).isEqualTo(200);

        assertThat(new ModernMcp(server, signedIn.accessToken()).request("tools/list", "{}", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aReplayedCodeRefusesTheAccessTokenItFirstIssued() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(client, verifier, "code-replay@example.com");
        String stolen = Http.json(signIn.exchange(client, code, verifier)).getString("access_token");
        ModernMcp thief = new ModernMcp(server, stolen);
        assertThat(thief.request("tools/list", "{}", "{}").statusCode()).isEqualTo(200);

        assertThat(signIn.exchange(client, code, verifier).statusCode()).isEqualTo(400);

        assertRefused(thief.request("tools/list", "{}", "{}"));
    }

    @Test
    void aReplayedRefreshTokenRefusesTheFamilysAccessTokens() {
        SignedIn signedIn = signInAs("refresh-replay@example.com");
        JsonObject rotated = Http.json(signIn.refresh(signedIn.client(), signedIn.refreshToken()));
        ModernMcp holder = new ModernMcp(server, rotated.getString("access_token"));
        assertThat(holder.request("tools/list", "{}", "{}").statusCode()).isEqualTo(200);

        assertThat(signIn.refresh(signedIn.client(), signedIn.refreshToken()).statusCode()).isEqualTo(400);

        assertRefused(holder.request("tools/list", "{}", "{}"));
        assertRefused(new ModernMcp(server, signedIn.accessToken()).request("tools/list", "{}", "{}"));
    }

    private HttpResponse<String> revoke(LocalSignIn.Client client, String token) {
        return Http.postForm(server.baseUrl() + "/oauth/revoke", Map.of("token", token, "client_id", client.clientId()));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("invalid_token"));
    }
}
