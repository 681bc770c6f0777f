package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.NodeOidcProvider;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OIDC mode against npm's oidc-provider (a certified OpenID Provider implementation), with its real login
 * and consent interactions, PKCE required, and claims released only through userinfo. The key rotation
 * case runs last, after sign-ins under the first key have made the server cache the provider's JWKS.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcProviderSignInIT {

    private static NodeOidcProvider idp;
    private static ServerUnderTest server;

    @BeforeAll
    static void start() {
        int port = ServerUnderTest.freePort();
        String publicUrl = "http://localhost:" + port;
        idp = NodeOidcProvider.start("mcprospero", "it-secret-of-mcprospero", publicUrl + "/oauth/callback");
        String database = ServerUnderTest.database("oidc_provider_it");
        ServerUnderTest.recreateDatabase(database);
        server = ServerUnderTest.start("oidc-provider", port, Map.of(
                "MCPROSPERO_DB_URL", ServerUnderTest.jdbcUrl(database),
                "MCPROSPERO_DB_USER", ServerUnderTest.dbUser(),
                "MCPROSPERO_IDENTITY_MODE", "oidc",
                "MCPROSPERO_OIDC_ISSUER", idp.issuer(),
                "MCPROSPERO_OIDC_CLIENT_ID", "mcprospero",
                "MCPROSPERO_OIDC_CLIENT_SECRET", "it-secret-of-mcprospero",
                "MCPROSPERO_SIGNUP_ALLOWLIST", "@allowed.example"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    @Order(1)
    void theTypeScriptSdkSignsInThroughTheProvidersLoginAndConsentAndWelcomeIsShownOnce() throws Exception {
        NodeRun first = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "lin@allowed.example", "unused-in-oidc-mode");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        JsonObject seen = first.verdict().getJsonObject("seen");
        assertThat(first.verdict().getString("email")).isEqualTo("lin@allowed.example");
        assertThat(seen.getInt("upstream")).as("the provider's own login (and consent) pages were used").isPositive();
        assertThat(seen.getInt("welcome")).isEqualTo(1);

        NodeRun second = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "lin@allowed.example", "unused-in-oidc-mode");
        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(second.verdict().getJsonObject("seen").getInt("welcome")).isZero();
    }

    @Test
    @Order(3)
    void whenTheProviderRotatesItsSigningKeySignInGoesOnWithTheNewKey() throws Exception {
        String before = idp.keyId();
        idp.restart();
        assertThat(idp.keyId()).as("the provider now signs with another key").isNotEqualTo(before);

        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "rotation@allowed.example", "unused-in-oidc-mode");
        assertThat(run.exitCode()).as("the ID token under the new kid verifies: the JWKS was fetched again\n" + run.describe()).isZero();
        assertThat(run.verdict().getString("email")).isEqualTo("rotation@allowed.example");
    }

    @Test
    @Order(2)
    void aPersonWhoIsNotInvitedIsRefusedWithTheInviteOnlyPage() throws Exception {
        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "max@not-invited.example", "unused", "--expect-refusal");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject refused = run.verdict().getJsonObject("refused");
        assertThat(refused.getInt("status")).isEqualTo(403);
        assertThat(refused.getString("body")).contains("invite-only");
    }
}
