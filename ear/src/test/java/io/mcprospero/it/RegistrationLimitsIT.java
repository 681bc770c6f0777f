package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynamic registration is open to anyone, so it is bounded: a rate per client address (429 with
 * Retry-After), and registrations never used within mcprospero.oauth.registration-ttl are refused and
 * deleted. Wrong access codes at local sign-in are bounded per address too. Its own server, because the shared
 * one must let the whole suite register and sign in from 127.0.0.1. Codes live 2 s here, so their expiry is
 * tested too.
 */
class RegistrationLimitsIT {

    private static final int RATE = 5;
    private static final int FAILED_SIGN_INS = 3;
    private static final int AUTHORIZE_RATE = 20;
    private static final String CLAUDE = "{\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"],\"token_endpoint_auth_method\":\"none\"}";
    private static ServerUnderTest server;
    private static String database;

    @BeforeAll
    static void start() {
        database = ServerUnderTest.database("registrations");
        ServerUnderTest.recreateDatabase(database);
        server = ServerUnderTest.start("registrations", Map.of(
                "MCPROSPERO_DB_URL", ServerUnderTest.jdbcUrl(database),
                "MCPROSPERO_DB_USER", ServerUnderTest.dbUser(),
                "MCPROSPERO_OAUTH_REGISTRATION_RATE", String.valueOf(RATE),
                "MCPROSPERO_OAUTH_REGISTRATION_TTL", "PT8S",
                "MCPROSPERO_HTTP_TRUST_FORWARDED_FOR", "true",
                "MCPROSPERO_OAUTH_AUTHORIZE_RATE", String.valueOf(AUTHORIZE_RATE),
                "MCPROSPERO_IDENTITY_LOCAL_FAILED_ATTEMPTS", String.valueOf(FAILED_SIGN_INS),
                // short-lived codes are tested here too, on this server with short lifetimes
                "MCPROSPERO_OAUTH_CODE_TTL", "PT2S"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aFloodFromOneAddressGets429WithRetryAfterWhileOtherAddressesStillRegister() {
        String flooder = randomAddress();
        for (int i = 0; i < RATE; i++) {
            assertThat(register(flooder).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = register(flooder);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        JsonObject error = Http.json(refused);
        assertThat(error.getString("error")).isEqualTo("too_many_requests");
        assertThat(error.getString("error_description")).contains("registrations a minute");
        assertThat(register("203.0.113.9, " + flooder).statusCode()).as("a forged first hop does not reset the count").isEqualTo(429);
        assertThat(register(randomAddress()).statusCode()).isEqualTo(201);
    }

    @Test
    void wrongAccessCodesFromOneAddressEndInA429EvenForTheRightCodeWhileOtherAddressesSignIn() {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = signIn.register();
        Browser browser = new Browser();
        String page = signIn.authorize(browser, signIn.authorizeParameters(client, LocalSignIn.verifier(), "s")).body();
        String guesser = randomAddress();
        for (int i = 0; i < FAILED_SIGN_INS; i++) {
            HttpResponse<String> wrong = signInWith(browser, page, "guess-" + i, guesser);
            assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(401);
            assertThat(wrong.body()).contains("That access code is not right");
        }

        HttpResponse<String> right = signInWith(browser, page, ServerUnderTest.ACCESS_CODE, guesser);

        assertThat(right.statusCode()).as("the right code after the limit").isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 15 * 60L);
        assertThat(right.body()).contains("Too many wrong access codes").contains("Try again in 15 minutes");
        HttpResponse<String> elsewhere = signInWith(browser, page, ServerUnderTest.ACCESS_CODE, randomAddress());
        assertThat(elsewhere.statusCode()).as("another address signs in").isEqualTo(303);
    }

    @Test
    void oneSignInPageTakesFiveWrongCodesWhateverAddressTheyComeFrom() {
        LocalSignIn signIn = new LocalSignIn(server);
        Browser browser = new Browser();
        String page = signIn.authorize(browser, signIn.authorizeParameters(clientFromAnotherAddress(), LocalSignIn.verifier(), "s-flow")).body();
        for (int i = 0; i < 4; i++) {
            assertThat(signInWith(browser, page, "guess-" + i, randomAddress()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> fifth = signInWith(browser, page, "guess-4", randomAddress());

        assertThat(fifth.statusCode()).isEqualTo(401);
        assertThat(fifth.body()).contains("5 wrong access codes were entered on this sign-in page");
        HttpResponse<String> right = signInWith(browser, page, ServerUnderTest.ACCESS_CODE, randomAddress());
        assertThat(right.statusCode()).as("the page takes no code after that, not even the right one").isEqualTo(400);
        assertThat(right.body()).contains("expired or was already used");
    }

    private static HttpResponse<String> signInWith(Browser browser, String page, String accessCode, String address) {
        return browser.postForm(server.baseUrl() + "/oauth/sign-in", Map.of(
                "request", Browser.field(page, "request"), "csrf", Browser.field(page, "csrf"),
                "email", "guesser@example.com", "access_code", accessCode), Map.of("X-Forwarded-For", address));
    }

    @Test
    void authorizationRequestsFromOneAddressAreBoundedWithAPageAnd429() {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = clientFromAnotherAddress();
        String flooder = randomAddress();
        String url = signIn.authorizeUrl(signIn.authorizeParameters(client, LocalSignIn.verifier(), "s-flood"));
        for (int i = 0; i < AUTHORIZE_RATE; i++) {
            assertThat(Http.get(url, "X-Forwarded-For", flooder).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = Http.get(url, "X-Forwarded-For", flooder);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(refused.body()).contains("sign-in requests a minute came from your address");
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(Http.get(url, "X-Forwarded-For", randomAddress()).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void bothMalformedAndInvalidMetadataAreRefusedAsInvalidClientMetadata() {
        String address = randomAddress();
        HttpResponse<String> notJson = Http.postJson(server.baseUrl() + "/oauth/register", "[]", "X-Forwarded-For", address);
        HttpResponse<String> badGrant = Http.postJson(server.baseUrl() + "/oauth/register",
                "{\"redirect_uris\":[\"https://a.example.com/cb\"],\"grant_types\":\"authorization_code\"}", "X-Forwarded-For", address);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(Http.json(notJson).getString("error")).isEqualTo("invalid_client_metadata");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(Http.json(badGrant).getString("error")).isEqualTo("invalid_client_metadata");
    }

    @Test
    void aRegistrationNeverUsedExpiresAndIsDeletedWhileAUsedOneIsKept() throws SQLException {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client unused = signIn.register();
        LocalSignIn.Client used = signIn.register();
        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(used, verifier, "kept@example.com");
        assertThat(signIn.exchange(used, code, verifier).statusCode()).isEqualTo(200);

        awaitRefused(signIn, unused, Duration.ofSeconds(60));
        assertThat(signIn.authorize(signIn.authorizeParameters(used, LocalSignIn.verifier(), "s")).statusCode()).isEqualTo(200);

        assertThat(register(randomAddress()).statusCode()).as("the next registration cleans up").isEqualTo(201);
        assertThat(rowExists(unused.clientId())).isFalse();
        assertThat(rowExists(used.clientId())).isTrue();
    }

    /**
     * An authorization request keeps a registration alive past its time to live (8 s here) for as long as the request
     * may take, so that a person who takes their time signing in still gets a code the client can redeem.
     */
    @Test
    void aRegistrationBeingSignedInWithOutlivesItsTimeToLive() throws InterruptedException {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = signIn.register();
        assertThat(signIn.authorize(signIn.authorizeParameters(client, LocalSignIn.verifier(), "s")).statusCode()).isEqualTo(200);

        Thread.sleep(9_000);

        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(client, verifier, "slow@example.com");
        assertThat(signIn.exchange(client, code, verifier).statusCode()).isEqualTo(200);
    }

    /** Polls the token endpoint, which (unlike /authorize) does not count as a use of the client. */
    private static void awaitRefused(LocalSignIn signIn, LocalSignIn.Client client, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        do {
            HttpResponse<String> response = signIn.exchange(client, "no-such-code", LocalSignIn.verifier());
            if (response.statusCode() == 401) {
                assertThat(Http.json(response).getString("error")).isEqualTo("invalid_client");
                HttpResponse<String> page = signIn.authorize(signIn.authorizeParameters(client, LocalSignIn.verifier(), "s"));
                assertThat(page.statusCode()).isEqualTo(400);
                assertThat(page.body()).contains("registration expired");
                assertThat(page.headers().firstValue("Location")).isEmpty();
                return;
            }
            assertThat(Http.json(response).getString("error")).isEqualTo("invalid_grant");
            pause();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the unused registration was still accepted after " + bound);
    }

    @Test
    void anExpiredCodeIsRefused() throws InterruptedException {
        HttpResponse<String> registered = Http.postJson(server.baseUrl() + "/oauth/register",
                "{\"redirect_uris\":[\"" + LocalSignIn.REDIRECT_URI + "\"],\"client_name\":\"IT client\",\"token_endpoint_auth_method\":\"none\"}",
                "X-Forwarded-For", randomAddress());
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = new LocalSignIn.Client(Http.json(registered).getString("client_id"), LocalSignIn.REDIRECT_URI);
        String verifier = LocalSignIn.verifier();
        String code = signIn.codeFor(client, verifier, "late@example.com");

        Thread.sleep(3000);

        HttpResponse<String> late = signIn.exchange(client, code, verifier);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(Http.json(late).getString("error")).isEqualTo("invalid_grant");
    }

    /** A client registered from an address of its own, so that registering does not count against the tests' 127.0.0.1. */
    private static LocalSignIn.Client clientFromAnotherAddress() {
        HttpResponse<String> registered = Http.postJson(server.baseUrl() + "/oauth/register",
                "{\"redirect_uris\":[\"" + LocalSignIn.REDIRECT_URI + "\"],\"client_name\":\"IT client\",\"token_endpoint_auth_method\":\"none\"}",
                "X-Forwarded-For", randomAddress());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return new LocalSignIn.Client(Http.json(registered).getString("client_id"), LocalSignIn.REDIRECT_URI);
    }

    private static HttpResponse<String> register(String forwardedFor) {
        return Http.postJson(server.baseUrl() + "/oauth/register", CLAUDE, "X-Forwarded-For", forwardedFor);
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static boolean rowExists(String clientId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM oauth_clients WHERE client_id = ?")) {
            query.setString(1, clientId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
