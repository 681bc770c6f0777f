package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.NodeOidcProvider;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OIDC mode against npm's oidc-provider (a certified OpenID Provider implementation), with its real login
 * and consent interactions, PKCE required, and claims released only through userinfo.
 */
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
    void aPersonWhoIsNotInvitedIsRefusedWithTheInviteOnlyPage() throws Exception {
        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), "max@not-invited.example", "unused", "--expect-refusal");
        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject refused = run.verdict().getJsonObject("refused");
        assertThat(refused.getInt("status")).isEqualTo(403);
        assertThat(refused.getString("body")).contains("invite-only");
    }
}
