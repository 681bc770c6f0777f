package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint: codes bound to client, redirect URI and PKCE, single use; refresh tokens rotate; errors per RFC 6749. */
class TokenEndpointIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void aCodeIsExchangedOnceForABearerTokenAndARefreshToken() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();

        HttpResponse<String> response = signIn.exchange(client, signIn.codeFor(client, verifier, "dave@example.com"), verifier);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject tokens = Http.json(response);
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getJsonNumber("expires_in").longValue()).isEqualTo(3600);
        assertThat(tokens.getString("access_token").split("\\.")).hasSize(3);
        assertThat(tokens.getString("refresh_token")).hasSizeGreaterThan(30);
    }

    @Test
    void aWrongVerifierIsRefused() {
        LocalSignIn.Client client = signIn.register();
        String code = signIn.codeFor(client, LocalSignIn.verifier(), "erin@example.com");

        assertError(signIn.exchange(client, code, LocalSignIn.verifier()), 400, "invalid_grant");
    }

    @Test
    void aCodeIssuedToAnotherClientIsRefused() {
        LocalSignIn.Client owner = signIn.register();
        LocalSignIn.Client thief = signIn.register();
        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(owner, verifier, "frank@example.com");

        assertError(signIn.exchange(thief, code, verifier), 400, "invalid_grant");
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesWhatItIssued() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(client, verifier, "grace@example.com");
        String refreshToken = Http.json(signIn.exchange(client, code, verifier)).getString("refresh_token");

        assertError(signIn.exchange(client, code, verifier), 400, "invalid_grant");
        assertError(signIn.refresh(client, refreshToken), 400, "invalid_grant");
    }

    @Test
    void refreshTokensRotateAndReusingAnOldOneRevokesTheFamily() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        String first = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "heidi@example.com"), verifier))
                .getString("refresh_token");

        HttpResponse<String> rotated = signIn.refresh(client, first);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = Http.json(rotated).getString("refresh_token");
        assertThat(second).isNotEqualTo(first);

        assertError(signIn.refresh(client, first), 400, "invalid_grant");
        assertError(signIn.refresh(client, second), 400, "invalid_grant");
    }

    @Test
    void revokingARefreshTokenEndsTheSignIn() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        String refreshToken = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "ruth@example.com"), verifier))
                .getString("refresh_token");

        HttpResponse<String> revoked = Http.postForm(server.baseUrl() + "/oauth/revoke",
                Map.of("token", refreshToken, "token_type_hint", "refresh_token", "client_id", client.clientId()));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertError(signIn.refresh(client, refreshToken), 400, "invalid_grant");
        assertThat(Http.postForm(server.baseUrl() + "/oauth/revoke", Map.of("token", "unknown", "client_id", client.clientId()))
                .statusCode()).as("an unknown token is answered like a revoked one").isEqualTo(200);
    }

    @Test
    void anUnknownGrantTypeIsRefused() {
        LocalSignIn.Client client = signIn.register();
        assertError(Http.postForm(server.baseUrl() + "/token", Map.of("grant_type", "password", "client_id", client.clientId())),
                400, "unsupported_grant_type");
    }

    @Test
    void anUnknownClientIsRefused() {
        assertError(Http.postForm(server.baseUrl() + "/oauth/token",
                Map.of("grant_type", "authorization_code", "client_id", "nobody", "code", "x")), 401, "invalid_client");
    }

    @Test
    void missingParametersAreInvalidRequest() {
        LocalSignIn.Client client = signIn.register();
        assertError(Http.postForm(server.baseUrl() + "/oauth/token",
                Map.of("grant_type", "authorization_code", "client_id", client.clientId())), 400, "invalid_request");
    }

    @Test
    void aJsonBodyIsRefusedWithAnOAuthError() {
        HttpResponse<String> response = Http.postJson(server.baseUrl() + "/oauth/token", "{\"grant_type\":\"authorization_code\"}");
        assertThat(response.statusCode()).isIn(400, 415);
        assertThat(response.body()).doesNotContain("Exception").contains("\"error\"");
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = Http.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("error_description")).isNotBlank();
    }
}
