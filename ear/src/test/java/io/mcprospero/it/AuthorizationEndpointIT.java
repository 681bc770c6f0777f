package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Browser;
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

    // people who sign in for the first time here: unique, since the shared server's other tests sign people in too
    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    private final String carol = "carol-" + RUN + "@example.com";
    private final String wendy = "wendy-" + RUN + "@example.com";
    private final String victor = "victor-" + RUN + "@example.com";

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
    void aLoopbackRedirectUriWithAFragmentOrAUserNameIsNotTheRegisteredOne() {
        LocalSignIn.Client client = signIn.register();
        for (String presented : new String[]{LocalSignIn.REDIRECT_URI + "#frag", "http://evil@127.0.0.1:45231/callback",
                "http://evil@127.0.0.1:50999/callback", "http://127.0.0.1:45231/callback?x=1"}) {
            Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s3b");
            parameters.put("redirect_uri", presented);

            HttpResponse<String> response = signIn.authorize(parameters);

            assertThat(response.statusCode()).as(presented).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).as(presented).isEmpty();
            assertThat(response.body()).as(presented).contains("not one this client registered");
        }
    }

    @Test
    void aStateOfThreeThousandCharactersGetsAPageSayingSoNotA500() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "x".repeat(3000));

        HttpResponse<String> response = signIn.authorize(parameters);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("3000 characters long").contains("at most 1024");
    }

    @Test
    void anOverlongScopeIsSentBackAsInvalidScope() {
        LocalSignIn.Client client = signIn.register();
        Map<String, String> parameters = signIn.authorizeParameters(client, LocalSignIn.verifier(), "s-scope");
        parameters.put("scope", "mcp ".repeat(400));

        HttpResponse<String> response = signIn.authorize(parameters);

        assertThat(response.statusCode()).isEqualTo(303);
        Map<String, String> query = LocalSignIn.query(URI.create(response.headers().firstValue("Location").orElseThrow()));
        assertThat(query).containsEntry("error", "invalid_scope").containsEntry("state", "s-scope");
    }

    @Test
    void onlyAdvertisedScopesAreGrantedWhateverTheRequestNames() {
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        Map<String, String> parameters = signIn.authorizeParameters(client, verifier, "s-admin");
        parameters.put("scope", "admin:all root mcp");

        String code = LocalSignIn.query(signIn.signInAt(signIn.authorizeUrl(parameters), "scoper-" + RUN + "@example.com")).get("code");
        HttpResponse<String> tokens = signIn.exchange(client, code, verifier);

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(Http.json(tokens).getString("scope")).isEqualTo("mcp");
        assertThat(tokens.body()).doesNotContain("admin:all").doesNotContain("root");
    }

    @Test
    void expiredAuthorizationRequestsAreDeleted() throws Exception {
        String stale = "stale-" + RUN;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                ServerUnderTest.jdbcUrl(ServerUnderTest.database("it")), ServerUnderTest.dbUser(), "")) {
            try (java.sql.PreparedStatement insert = db.prepareStatement("insert into authorization_requests (id, client_id, redirect_uri,"
                    + " code_challenge, resource, created_at, expires_at, browser_hash, csrf_token, version)"
                    + " values (?, 'c', 'http://127.0.0.1/cb', 'x', 'r', ?, ?, 'h', 't', 0)")) {
                insert.setString(1, stale);
                insert.setTimestamp(2, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
                insert.setTimestamp(3, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
                insert.executeUpdate();
            }
            java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(90));
            boolean gone = false;
            while (!gone && java.time.Instant.now().isBefore(deadline)) {
                // the purge runs at most once a minute per instance, with the next authorization request
                signIn.authorize(signIn.authorizeParameters(signIn.register(), LocalSignIn.verifier(), "s-purge"));
                try (java.sql.PreparedStatement count = db.prepareStatement("select count(*) from authorization_requests where id = ?")) {
                    count.setString(1, stale);
                    try (java.sql.ResultSet row = count.executeQuery()) {
                        row.next();
                        gone = row.getInt(1) == 0;
                    }
                }
                if (!gone) {
                    Thread.sleep(2000);
                }
            }
            assertThat(gone).as("an authorization request expired a day ago is deleted").isTrue();
        }
    }

    @Test
    void theConsentPageNamesSchemeAndPathOfANativeAppsRedirect() {
        String person = "native-" + RUN + "@example.com";
        signIn.codeFor(signIn.register(), LocalSignIn.verifier(), person);
        HttpResponse<String> registered = Http.postJson(server.baseUrl() + "/oauth/register",
                "{\"redirect_uris\":[\"com.example.app:/cb\"],\"client_name\":\"Native IT\",\"token_endpoint_auth_method\":\"none\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        LocalSignIn.Client app = new LocalSignIn.Client(Http.json(registered).getString("client_id"), "com.example.app:/cb");
        Browser browser = new Browser();
        HttpResponse<String> page = signIn.authorize(browser, signIn.authorizeParameters(app, LocalSignIn.verifier(), "s-native"));
        HttpResponse<String> signedIn = browser.postForm(server.baseUrl() + "/oauth/sign-in", Map.of(
                "request", Browser.field(page.body(), "request"), "csrf", Browser.field(page.body(), "csrf"),
                "email", person, "access_code", ServerUnderTest.ACCESS_CODE));
        String consent = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(consent).contains("/oauth/consent");

        HttpResponse<String> shown = browser.get(URI.create(server.baseUrl()).resolve(consent).toString());

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("you go back to <strong>com.example.app:/cb (an app on your device)</strong>");
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
    void aWrongAccessCodeShowsThePageAgainAndTheRightOneGoesThroughWelcomeAndConsentToCodeStateAndIssuer() {
        LocalSignIn.Client client = signIn.register();
        Browser browser = new Browser();
        HttpResponse<String> page = signIn.authorize(browser, signIn.authorizeParameters(client, LocalSignIn.verifier(), "state-8"));
        String request = Browser.field(page.body(), "request");
        String csrf = Browser.field(page.body(), "csrf");

        HttpResponse<String> wrong = browser.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request, "csrf", csrf, "email", carol, "access_code", "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("access code is not right");
        assertThat(wrong.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> right = browser.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request, "csrf", csrf, "email", carol, "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(right.statusCode()).isEqualTo(303);
        HttpResponse<String> switched = browser.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request, "csrf", csrf, "email", "other-" + carol, "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(switched.statusCode()).as("a replayed form cannot switch the person mid-flow").isEqualTo(400);
        URI location = browser.completeFlow(server.baseUrl(), URI.create(right.headers().firstValue("Location").orElseThrow()), "Carol");
        assertThat(browser.welcomesSeen()).as("a first sign-in shows the welcome page").isEqualTo(1);
        assertThat(browser.consentsSeen()).as("a new client asks for consent").isEqualTo(1);
        assertThat(location.toString()).startsWith(LocalSignIn.REDIRECT_URI + "?");
        assertThat(LocalSignIn.query(location)).containsKey("code").containsEntry("state", "state-8").containsEntry("iss", server.baseUrl());

        HttpResponse<String> replayed = browser.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", request, "csrf", csrf, "email", carol, "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(replayed.statusCode()).as("a sign-in form cannot be submitted twice").isEqualTo(400);
    }

    @Test
    void theSecondSignInOfAPersonWithTheSameClientGoesStraightThrough() {
        LocalSignIn.Client client = signIn.register();
        Browser first = new Browser();
        signIn.signInAt(first, signIn.authorizeUrl(client), wendy);
        assertThat(first.welcomesSeen()).isEqualTo(1);
        assertThat(first.consentsSeen()).isEqualTo(1);

        Browser second = new Browser();
        URI back = signIn.signInAt(second, signIn.authorizeUrl(client), wendy);
        assertThat(second.welcomesSeen()).as("welcome is shown once").isZero();
        assertThat(second.consentsSeen()).as("consent is remembered per person and client").isZero();
        assertThat(LocalSignIn.query(back)).containsKey("code");
    }

    @Test
    void aSignInFormFromAnotherBrowserOrWithoutItsCsrfTokenIsRefused() {
        LocalSignIn.Client client = signIn.register();
        Browser victim = new Browser();
        HttpResponse<String> page = signIn.authorize(victim, signIn.authorizeParameters(client, LocalSignIn.verifier(), "state-9"));
        Map<String, String> form = Map.of("request", Browser.field(page.body(), "request"), "csrf", Browser.field(page.body(), "csrf"),
                "email", "mallory@example.com", "access_code", ServerUnderTest.ACCESS_CODE);

        HttpResponse<String> otherBrowser = new Browser().postForm(server.baseUrl() + "/oauth/sign-in", form);
        assertThat(otherBrowser.statusCode()).isEqualTo(400);
        assertThat(otherBrowser.body()).contains("another browser");

        Map<String, String> forged = new java.util.HashMap<>(form);
        forged.put("csrf", "forged");
        HttpResponse<String> noCsrf = victim.postForm(server.baseUrl() + "/oauth/sign-in", forged);
        assertThat(noCsrf.statusCode()).isEqualTo(400);
        assertThat(noCsrf.body()).contains("did not come from MCProspero");
    }

    @Test
    void theWelcomePageSaysWhatIsMissingAndDenyingConsentTellsTheClientAccessDenied() {
        LocalSignIn.Client client = signIn.register();
        Browser browser = new Browser();
        HttpResponse<String> page = signIn.authorize(browser, signIn.authorizeParameters(client, LocalSignIn.verifier(), "state-10"));
        HttpResponse<String> signedIn = browser.postForm(server.baseUrl() + "/oauth/sign-in", Map.of(
                "request", Browser.field(page.body(), "request"), "csrf", Browser.field(page.body(), "csrf"),
                "email", victor, "access_code", ServerUnderTest.ACCESS_CODE));
        URI welcome = URI.create(signedIn.headers().firstValue("Location").orElseThrow());
        assertThat(welcome.getPath()).isEqualTo("/welcome");
        HttpResponse<String> form = browser.get(welcome.toString());
        Map<String, String> answers = new java.util.HashMap<>(Map.of("request", Browser.field(form.body(), "request"),
                "csrf", Browser.field(form.body(), "csrf"), "name", "Victor", "time_zone", "Mars/Olympus_Mons"));
        HttpResponse<String> badZone = browser.postForm(server.baseUrl() + "/welcome", answers);
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(badZone.body()).contains("Choose your time zone");
        answers.put("time_zone", "Europe/Berlin");
        HttpResponse<String> noTerms = browser.postForm(server.baseUrl() + "/welcome", answers);
        assertThat(noTerms.statusCode()).isEqualTo(400);
        assertThat(noTerms.body()).contains("accept the terms");
        answers.put("accept_terms", "yes");
        HttpResponse<String> accepted = browser.postForm(server.baseUrl() + "/welcome", answers);
        URI consent = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        assertThat(consent.getPath()).isEqualTo("/oauth/consent");

        HttpResponse<String> consentPage = browser.get(consent.toString());
        assertThat(consentPage.body()).contains("IT client").contains("127.0.0.1");
        assertThat(consentPage.headers().firstValue("X-Frame-Options")).contains("DENY");
        HttpResponse<String> denied = browser.postForm(server.baseUrl() + "/oauth/consent", Map.of(
                "request", Browser.field(consentPage.body(), "request"), "csrf", Browser.field(consentPage.body(), "csrf"),
                "decision", "deny"));
        assertThat(redirectQuery(denied)).containsEntry("error", "access_denied").containsEntry("state", "state-10")
                .containsEntry("iss", server.baseUrl()).doesNotContainKey("code");
    }

    private static Map<String, String> redirectQuery(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(LocalSignIn.REDIRECT_URI);
        return LocalSignIn.query(location);
    }
}
