package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Browser;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Users, orgs, clients, refresh tokens, signing keys, consents and MCP sessions (with their current org) survive a
 * restart, on the embedded H2 file and on PostgreSQL; a restart with a new terms version shows the welcome page again, once.
 */
class DataSurvivesRestartIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void whatWasCreatedBeforeARestartIsThereAfterIt(String database) {
        Map<String, String> settings = Map.of();
        if (database.equals("postgresql")) {
            settings = ServerUnderTest.onFreshDatabase(ServerUnderTest.database("restart_it"));
        }
        try (ServerUnderTest server = ServerUnderTest.start("restart-" + database, settings)) {
            LocalSignIn signIn = new LocalSignIn(server);
            LocalSignIn.Client client = signIn.register();
            String verifier = LocalSignIn.verifier();
            var tokens = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "restart@example.com"), verifier));
            RawMcp before = new RawMcp(server, tokens.getString("access_token"));
            before.initialize();
            String survivor = before.callTool("create_org", "{\"name\":\"Survivor " + database + "\"}")
                    .getJsonObject("result").getJsonObject("structuredContent").getJsonObject("org").getString("id");
            before.callTool("switch_org", "{\"org_id\":\"" + survivor + "\"}");

            server.restartWith(Map.of("MCPROSPERO_TERMS_VERSION", "2099-01-01"));

            RawMcp after = new RawMcp(server, tokens.getString("access_token"));
            after.initialize();
            assertThat(after.callTool("list_orgs", "{}").toString()).contains("Survivor " + database);
            // the MCP session too, with the org it had switched to
            JsonObject whoami = new RawMcp(server, tokens.getString("access_token")).resume(before.sessionId())
                    .callTool("whoami", "{}").getJsonObject("result").getJsonObject("structuredContent");
            assertThat(whoami.getJsonObject("org").getString("id")).isEqualTo(survivor);
            assertThat(whoami.getJsonObject("org").getString("role")).isEqualTo("owner");
            assertThat(signIn.refresh(client, tokens.getString("refresh_token")).statusCode()).isEqualTo(200);

            // new terms: the welcome page comes back once; the consent given before the restart still holds
            Browser browser = new Browser();
            assertThat(LocalSignIn.query(signIn.signInAt(browser, signIn.authorizeUrl(client), "restart@example.com"))).containsKey("code");
            assertThat(browser.welcomesSeen()).as("changed terms show the welcome page again").isEqualTo(1);
            assertThat(browser.consentsSeen()).as("consent survives the restart").isZero();
            Browser later = new Browser();
            signIn.signInAt(later, signIn.authorizeUrl(client), "restart@example.com");
            assertThat(later.welcomesSeen()).as("once accepted, the new terms are not asked again").isZero();
        }
    }
}
