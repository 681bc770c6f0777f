package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Users, orgs, clients, refresh tokens and signing keys survive a restart, on the embedded H2 file and on PostgreSQL. */
class DataSurvivesRestartIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void whatWasCreatedBeforeARestartIsThereAfterIt(String database) {
        Map<String, String> settings = Map.of();
        if (database.equals("postgresql")) {
            ServerUnderTest.recreateDatabase(ServerUnderTest.database("restart_it"));
            settings = Map.of("MCPROSPERO_DB_URL", ServerUnderTest.jdbcUrl(ServerUnderTest.database("restart_it")), "MCPROSPERO_DB_USER", ServerUnderTest.dbUser());
        }
        try (ServerUnderTest server = ServerUnderTest.start("restart-" + database, settings)) {
            LocalSignIn signIn = new LocalSignIn(server);
            LocalSignIn.Client client = signIn.register();
            String verifier = LocalSignIn.verifier();
            var tokens = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "restart@example.com"), verifier));
            RawMcp before = new RawMcp(server, tokens.getString("access_token"));
            before.initialize();
            before.callTool("create_org", "{\"name\":\"Survivor " + database + "\"}");

            server.restart();

            RawMcp after = new RawMcp(server, tokens.getString("access_token"));
            after.initialize();
            assertThat(after.callTool("list_orgs", "{}").toString()).contains("Survivor " + database);
            assertThat(signIn.refresh(client, tokens.getString("refresh_token")).statusCode()).isEqualTo(200);
        }
    }
}
