package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OIDC mode against a real OpenID Connect provider (mock-oauth2-server, in this JVM) standing in for
 * Zitadel, with Zitadel's claim names mapped by configuration only. The server under test is its own
 * instance (identity mode is start-up configuration) on its own PostgreSQL database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInIT {

    private static final String CLIENT_ID = "mcprospero-it";
    private static final String ORG_CLAIM = "urn:zitadel:iam:user:resourceowner:id";
    private static final String ROLES_CLAIM = "urn:zitadel:iam:org:project:roles";
    private static final String ADMIN = "root@allowed.example";
    private static MockOAuth2Server idp;
    private static ServerUnderTest server;
    private static String database;

    @BeforeAll
    static void start() {
        idp = new MockOAuth2Server();
        idp.start();
        database = ServerUnderTest.database("oidc_it");
        ServerUnderTest.recreateDatabase(database);
        server = ServerUnderTest.start("oidc-mock", Map.of(
                "MCPROSPERO_DB_URL", ServerUnderTest.jdbcUrl(database),
                "MCPROSPERO_DB_USER", ServerUnderTest.dbUser(),
                "MCPROSPERO_IDENTITY_MODE", "oidc",
                "MCPROSPERO_OIDC_ISSUER", issuer(),
                "MCPROSPERO_OIDC_CLIENT_ID", CLIENT_ID,
                "MCPROSPERO_OIDC_CLIENT_SECRET", "it-client-secret",
                "MCPROSPERO_OIDC_CLAIMS_ORG_ID", ORG_CLAIM,
                "MCPROSPERO_OIDC_CLAIMS_ROLES", ROLES_CLAIM,
                "MCPROSPERO_SIGNUP_ALLOWLIST", "@allowed.example, invited@example.org",
                "MCPROSPERO_ADMINS", ADMIN));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (idp != null) {
            idp.shutdown();
        }
    }

    private static String issuer() {
        return idp.issuerUrl("zitadel").toString();
    }

    /** What the provider will say about the next person who signs in (Zitadel's claims). */
    private static void nextSignIn(String subject, String email, boolean verified, List<String> audience) {
        nextSignIn(subject, email, verified, audience, null);
    }

    /** As above; a forged audience overrides the ID token's aud claim (the provider would set our client id). */
    private static void nextSignIn(String subject, String email, boolean verified, List<String> audience, String forgedAudience) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("email", email);
        claims.put("email_verified", verified);
        claims.put("name", "Zed " + subject);
        claims.put(ORG_CLAIM, "zitadel-org-" + subject);
        claims.put(ROLES_CLAIM, Map.of("agent-builder", Map.of("zitadel-org-" + subject, "example.zitadel.cloud")));
        if (forgedAudience != null) {
            claims.put("aud", forgedAudience);
        }
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("zitadel", subject, JOSEObjectType.JWT.getType(), audience, claims, 3600));
    }

    @Test
    @Order(1)
    void theTypeScriptSdkCompletesTheWholeFlowForAnAllowlistedPersonAndWelcomeIsShownOnce() throws Exception {
        nextSignIn("sub-ada", "ada@allowed.example", true, List.of(CLIENT_ID));
        NodeRun first = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "ada@allowed.example", "unused-in-oidc-mode");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        JsonObject verdict = first.verdict();
        assertThat(verdict.getString("email")).isEqualTo("ada@allowed.example");
        assertThat(verdict.getJsonObject("seen").getInt("welcome")).as("first sign-in shows the welcome page").isEqualTo(1);
        assertThat(verdict.getJsonObject("seen").getInt("signIn")).as("no local sign-in page in OIDC mode").isZero();

        nextSignIn("sub-ada", "ada@allowed.example", true, List.of(CLIENT_ID));
        NodeRun second = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "ada@allowed.example", "unused-in-oidc-mode");
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(second.verdict().getJsonObject("seen").getInt("welcome")).as("then straight through").isZero();
        assertThat(second.verdict().getString("userId")).isEqualTo(verdict.getString("userId"));

        assertThat(userColumn("ada@allowed.example", "upstream_org_id")).as("Zitadel's org claim is mapped").isEqualTo("zitadel-org-sub-ada");
        assertThat(userColumn("ada@allowed.example", "upstream_subject")).isEqualTo("sub-ada");
        assertThat(userColumn("ada@allowed.example", "time_zone")).isEqualTo("Europe/Berlin");
    }

    @Test
    @Order(2)
    void aPersonWhoIsNotOnTheAllowlistSeesTheInviteOnlyPageAndNothingIsCreated() throws Exception {
        nextSignIn("sub-eve", "eve@elsewhere.example", true, List.of(CLIENT_ID));
        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "eve@elsewhere.example", "unused", "--expect-refusal");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject refused = run.verdict().getJsonObject("refused");
        assertThat(refused.getInt("status")).isEqualTo(403);
        assertThat(refused.getString("body")).contains("invite-only").contains("invite_member");
        assertThat(count("select count(*) from users where email = ?", "eve@elsewhere.example")).isZero();
        assertThat(count("select count(*) from orgs where name like ?", "%eve%")).isZero();
    }

    @Test
    @Order(3)
    void anUnverifiedEmailIsRefused() {
        nextSignIn("sub-uma", "uma@allowed.example", false, List.of(CLIENT_ID));
        HttpResponse<String> end = signInWithBrowser();
        assertThat(end.statusCode()).isEqualTo(401);
        assertThat(end.body()).contains("not verified");
        assertThat(count("select count(*) from users where email = ?", "uma@allowed.example")).isZero();
    }

    @Test
    @Order(4)
    void anIdTokenForAnotherAudienceIsRefused() {
        nextSignIn("sub-ann", "ann@allowed.example", true, List.of(CLIENT_ID), "some-other-client");
        HttpResponse<String> end = signInWithBrowser();
        assertThat(end.statusCode()).isEqualTo(401);
        assertThat(end.body()).contains("did not verify");
        assertThat(count("select count(*) from users where email = ?", "ann@allowed.example")).isZero();
    }

    @Test
    @Order(5)
    void aCallbackWithAForgedStateOrFromAnotherBrowserIsRefused() {
        HttpResponse<String> forged = Http.get(server.baseUrl() + "/oauth/callback?state=forged&code=whatever");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).doesNotContain("Exception");

        // the victim's browser starts a sign-in; the attacker's browser brings the provider's answer back
        Browser victim = new Browser();
        LocalSignIn.Client client = new LocalSignIn(server).register();
        HttpResponse<String> toProvider = victim.get(authorizeUrl(client));
        assertThat(toProvider.statusCode()).isEqualTo(303);
        HttpResponse<String> providerAnswer = victim.get(toProvider.headers().firstValue("Location").orElseThrow());
        String callback = providerAnswer.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(server.baseUrl() + "/oauth/callback");
        HttpResponse<String> attacker = new Browser().get(callback);
        assertThat(attacker.statusCode()).isEqualTo(400);
        assertThat(attacker.body()).contains("another browser");
        assertThat(count("select count(*) from users where email = ?", "bob@allowed.example")).isZero();
    }

    @Test
    @Order(6)
    void theProvidersErrorAnswerAndTheLocalSignInFormAreRefusedWithPages() {
        Browser browser = new Browser();
        HttpResponse<String> toProvider = browser.get(authorizeUrl(new LocalSignIn(server).register()));
        String state = LocalSignIn.query(URI.create(toProvider.headers().firstValue("Location").orElseThrow())).get("state");
        HttpResponse<String> declined = browser.get(server.baseUrl() + "/oauth/callback?state=" + state + "&error=access_denied");
        assertThat(declined.statusCode()).isEqualTo(401);
        assertThat(declined.body()).contains("did not sign you in (access_denied)");
        assertThat(declined.headers().firstValue("Location")).isEmpty();

        HttpResponse<String> local = browser.postForm(server.baseUrl() + "/oauth/sign-in",
                Map.of("request", "x", "csrf", "y", "email", "a@allowed.example", "access_code", ServerUnderTest.ACCESS_CODE));
        assertThat(local.statusCode()).isEqualTo(400);
        assertThat(local.body()).contains("local sign-in is switched off");
    }

    @Test
    @Order(7)
    void twoFirstSignInsOfTheSamePersonRacingCreateOneUserAndOnePersonalOrg() throws Exception {
        int racers = 4;
        LocalSignIn.Client client = new LocalSignIn(server).register();
        List<Browser> browsers = new ArrayList<>();
        List<String> callbacks = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Browser browser = new Browser();
            HttpResponse<String> toProvider = browser.get(authorizeUrl(client));
            nextSignIn("sub-rae", "rae@allowed.example", true, List.of(CLIENT_ID));
            HttpResponse<String> answer = browser.get(toProvider.headers().firstValue("Location").orElseThrow());
            browsers.add(browser);
            callbacks.add(answer.headers().firstValue("Location").orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Browser browser = browsers.get(i);
                String callback = callbacks.get(i);
                results.add(pool.submit((Callable<HttpResponse<String>>) () -> browser.get(callback)));
            }
            for (Future<HttpResponse<String>> result : results) {
                HttpResponse<String> response = result.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
                assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/welcome?request=");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from users where email = ?", "rae@allowed.example")).isEqualTo(1);
        assertThat(count("select count(*) from memberships m join users u on u.id = m.user_id where u.email = ?", "rae@allowed.example"))
                .as("exactly one personal org with one owner membership").isEqualTo(1);
    }

    @Test
    @Order(8)
    void anotherSubjectWithAKnownVerifiedEmailIsRefusedAndTheAccountKeepsItsIdentity() throws Exception {
        nextSignIn("sub-mallory", "ada@allowed.example", true, List.of(CLIENT_ID));

        HttpResponse<String> end = signInWithBrowser();

        assertThat(end.statusCode()).isEqualTo(403);
        assertThat(end.body()).contains("signs in with another identity").contains("reset_identity_link").doesNotContain("Exception");
        assertThat(userColumn("ada@allowed.example", "upstream_subject")).isEqualTo("sub-ada");
        assertThat(count("select count(*) from users where upstream_subject = ?", "sub-mallory")).isZero();
    }

    @Test
    @Order(9)
    void aPlatformAdminIsTheirSubjectNotTheirEmail() throws Exception {
        String root = signInForToken("sub-root", ADMIN);
        RawMcp admin = new RawMcp(server, root);
        admin.initialize();
        assertThat(admin.callTool("admin", "{\"action\":\"list_users\"}").toString()).contains(ADMIN);

        nextSignIn("sub-not-root", ADMIN, true, List.of(CLIENT_ID));
        HttpResponse<String> impostor = signInWithBrowser();

        assertThat(impostor.statusCode()).isEqualTo(403);
        assertThat(impostor.body()).contains("signs in with another identity");
        assertThat(userColumn(ADMIN, "upstream_subject")).isEqualTo("sub-root");
    }

    @Test
    @Order(10)
    void afterAnAdminResetsTheLinkTheNextVerifiedSignInLinksTheAccountAnewAndTheOldSignInsEnd() throws Exception {
        String adaBefore = signInForToken("sub-ada", "ada@allowed.example");
        RawMcp admin = new RawMcp(server, signInForToken("sub-root", ADMIN));
        admin.initialize();
        String userId = userColumn("ada@allowed.example", "id");

        JsonObject asked = admin.callTool("admin", "{\"action\":\"reset_identity_link\",\"user\":\"ada@allowed.example\"}");
        assertThat(asked.toString()).as("asks the person first").contains("confirm");
        assertThat(userColumn("ada@allowed.example", "upstream_subject")).isEqualTo("sub-ada");
        JsonObject reset = admin.callTool("admin", "{\"action\":\"reset_identity_link\",\"user\":\"ada@allowed.example\",\"confirm\":true}");
        assertThat(reset.getJsonObject("result").getBoolean("isError")).as(reset.toString()).isFalse();
        assertThat(reset.getJsonObject("result").getJsonObject("structuredContent").getBoolean("identity_linked")).isFalse();
        assertThat(userColumn("ada@allowed.example", "upstream_subject")).isNull();
        RawMcp old = new RawMcp(server, adaBefore);
        assertThat(old.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}", null).statusCode())
                .as("the old identity's sign-ins end").isEqualTo(401);

        signInForToken("sub-ada-new", "ada@allowed.example");

        assertThat(userColumn("ada@allowed.example", "upstream_subject")).isEqualTo("sub-ada-new");
        assertThat(userColumn("ada@allowed.example", "id")).as("the same account").isEqualTo(userId);
    }

    /** The whole OIDC flow for this subject and email; returns the access token. */
    private String signInForToken(String subject, String email) {
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client client = signIn.register();
        String verifier = LocalSignIn.verifier();
        nextSignIn(subject, email, true, List.of(CLIENT_ID));
        HttpResponse<String> back = new Browser().follow(signIn.authorizeUrl(signIn.authorizeParameters(client, verifier, "st-" + subject)),
                server.baseUrl(), LocalSignIn.REDIRECT_URI, "Person " + subject);
        String code = LocalSignIn.query(URI.create(back.headers().firstValue("Location").orElseThrow())).get("code");
        HttpResponse<String> tokens = signIn.exchange(client, code, verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return Http.json(tokens).getString("access_token");
    }

    @Test
    @Order(20)
    void whenTheProviderIsDownReadinessSaysSoSignInShowsAPageAndConnectedClientsKeepWorking() throws Exception {
        // someone connects while the provider is up
        LocalSignIn signIn = new LocalSignIn(server);
        LocalSignIn.Client connected = signIn.register();
        String verifier = LocalSignIn.verifier();
        nextSignIn("sub-kim", "kim@allowed.example", true, List.of(CLIENT_ID));
        HttpResponse<String> back = new Browser().follow(signIn.authorizeUrl(signIn.authorizeParameters(connected, verifier, "st-kim")),
                server.baseUrl(), LocalSignIn.REDIRECT_URI, "Kim");
        String code = LocalSignIn.query(URI.create(back.headers().firstValue("Location").orElseThrow())).get("code");
        JsonObject tokens = Http.json(signIn.exchange(connected, code, verifier));

        idp.shutdown();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> ready = Http.get(server.baseUrl() + "/health/ready");
        // Payara writes health data booleans as strings
        while (!ready.body().contains("\"reachable\":\"false\"") && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            ready = Http.get(server.baseUrl() + "/health/ready");
        }
        assertThat(ready.body()).as("readiness names the unreachable provider").contains("identity-provider")
                .contains("\"reachable\":\"false\"").contains("cannot be reached");
        assertThat(ready.statusCode()).as("connected clients keep working: the instance stays in the load balancer").isEqualTo(200);

        RawMcp mcp = new RawMcp(server, tokens.getString("access_token"));
        mcp.initialize();
        assertThat(mcp.callTool("whoami", "{}").toString()).contains("kim@allowed.example");
        assertThat(signIn.refresh(connected, tokens.getString("refresh_token")).statusCode())
                .as("refresh is MCProspero's own and needs no provider").isEqualTo(200);

        LocalSignIn.Client client = new LocalSignIn(server).register();
        HttpResponse<String> page = new Browser().get(authorizeUrl(client));
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("sign-in provider cannot be reached").doesNotContain("Exception");
        idp = null;
    }

    private HttpResponse<String> signInWithBrowser() {
        LocalSignIn.Client client = new LocalSignIn(server).register();
        return new Browser().follow(authorizeUrl(client), server.baseUrl(), LocalSignIn.REDIRECT_URI, "Someone");
    }

    private String authorizeUrl(LocalSignIn.Client client) {
        return new LocalSignIn(server).authorizeUrl(client);
    }

    private static String userColumn(String email, String column) throws SQLException {
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement query = db.prepareStatement("select " + column + " from users where email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("user " + email + " exists").isTrue();
                return row.getString(1);
            }
        }
    }

    private static int count(String sql, String parameter) {
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
