package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /oauth/authorize: errors about the client never redirect; other errors go back with state and iss (RFC 9207). */
class AuthorizationEndpointIT {

    private final ServerUnderTest server = ServerUnderTest.shared();
    private final LocalSignIn signIn = new LocalSignIn(server);

    @Test
    void anUnknownClientGetsAnErrorPageAndNoRedirect() {
        Map<String, String> parameters = signIn.authorizeParameters(new LocalSignIn.Client("no-such-client", LocalSignIn.REDIRECT_URI),
                LocalSignIn.verifier(), "s1");

        HttpResponse<String> response = signIn.authorize(parameters);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(response.body()).contains("not registered");
    }

    @Test
    void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s2");
        parameters.put("redirect_uri", "https://attacker.example.com/steal");

        HttpResponse<String> response = signIn.authorize(parameters);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).doesNotContain("attacker.example.com/steal?");
    }

    @Test
    void aLoopbackRedirectUriMayUseAnotherPort() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s3");
        parameters.put("redirect_uri", "http://127.0.0.1:50999/callback");

        assertThat(signIn.authorize(parameters).statusCode()).isEqualTo(200);
    }

    @Test
    void missingPkceIsSentBackAsInvalidRequestWithStateAndIssuer() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "state-4");
        parameters.remove("code_challenge");

        Map<String, String> error = redirectQuery(signIn.authorize(parameters));

        assertThat(error).containsEntry("error", "invalid_request").containsEntry("state", "state-4")
                .containsEntry("iss", server.baseUrl());
    }

    @Test
    void thePlainPkceMethodIsRefused() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s5");
        parameters.put("code_challenge_method", "plain");

        assertThat(redirectQuery(signIn.authorize(parameters))).containsEntry("error", "invalid_request");
    }

    @Test
    void theImplicitFlowIsRefused() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s6");
        parameters.put("response_type", "token");

        assertThat(redirectQuery(signIn.authorize(parameters))).containsEntry("error", "unsupported_response_type");
    }

    @Test
    void aTokenForAnotherResourceIsNotIssued() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s7");
        parameters.put("resource", "https://other.example.com/mcp");

        assertThat(redirectQuery(signIn.authorize(parameters))).containsEntry("error", "invalid_target");
    }

    @Test
    void aWrongAccessCodeShowsThePageAgainAndTheRightOneCompletesWithCodeStateAndIssuer() {
        LocalSignIn.Client client = signIn.register();
        HttpResponse<String> page = signIn.authorize(signIn.authorizeParameters(client, LocalSignIn.verifier(), "state-8"));
        Matcher request = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(request.find()).isTrue();

        HttpResponse<String> wrong = Http.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request.group(1), "email", "carol@example.com", "access_code", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("access code is not right");
        assertThat(wrong.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> right = Http.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request.group(1), "email", "carol@example.com", "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(right.statusCode()).isEqualTo(303);
        URI location = URI.create(right.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(LocalSignIn.REDIRECT_URI + "?");
        assertThat(LocalSignIn.query(location)).containsKey("code").containsEntry("state", "state-8").containsEntry("iss", server.baseUrl());

        HttpResponse<String> replayed = Http.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request.group(1), "email", "carol@example.com", "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(replayed.statusCode()).as("a sign-in form cannot be submitted twice").isEqualTo(400);
    }

    private static Map<String, String> redirectQuery(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(LocalSignIn.REDIRECT_URI);
        return LocalSignIn.query(location);
    }
}
