package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.SealedSigningKey;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Start-up fails closed: a setting the server cannot honour, or a signing key it cannot open, fails the deployment,
 * and its log names what was wrong. By default the process then ends with status 1. With
 * {@code mcprospero.startup.exit-on-failure=false}, Payara stays up without the application and answers 500 to every
 * path, so the server never reports ready, serves nothing and issues no token. Coming up anyway would mean signing
 * people in under a mode nobody chose, with no limit on guessing the access code, or with a key someone has tampered
 * with.
 */
class StartupFailsClosedIT {

    private static final Map<String, String> KEEP_RUNNING = Map.of("MCPROSPERO_STARTUP_EXIT_ON_FAILURE", "false");

    /**
     * How long a failed server is watched after Payara has finished starting, in case it comes up after all.
     * Payara does not retry a failed deployment, so a short watch is enough.
     */
    private static final Duration WATCH = Duration.ofSeconds(10);

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "MCPROSPERO_IDENTITY_MODE | bogus | mcprospero.identity.mode=bogus is not a mode MCProspero knows",
            "MCPROSPERO_IDENTITY_LOCAL_FAILED_ATTEMPTS | 0 | mcprospero.identity.local.failed-attempts must be at least 1; got 0",
            "MCPROSPERO_OPERATIONS_TOKEN | metrics-please | mcprospero.operations.token must be at least 32 characters",
            "MCPROSPERO_TEMPORAL_API_KEY | some-key | mcprospero.temporal.api-key apply to a Temporal cluster, but mcprospero.temporal.target is not set"})
    void aBadSettingEndsTheProcess(String variable, String value, String logged) {
        try (ServerUnderTest server = ServerUnderTest.launch("bad-" + variable.toLowerCase(Locale.ROOT), Map.of(variable, value))) {
            assertThat(server.exitStatus(Duration.ofSeconds(60))).hasValue(1);
            assertThat(server.logText()).contains("MCProspero could not start: " + logged).doesNotContain("MCProspero started");
        }
    }

    @Test
    void localSignInOpenToOtherComputersWithPlatformAdminsDoesNotStartUnlessTheRiskIsNamed() {
        try (ServerUnderTest server = ServerUnderTest.launch("remote-admins", Map.of(
                "MCPROSPERO_IDENTITY_LOCAL_ALLOW_REMOTE", "true", "MCPROSPERO_ADMINS", "root@example.com"))) {
            assertThat(server.exitStatus(Duration.ofSeconds(60))).hasValue(1);
            assertThat(server.logText()).contains("MCProspero could not start: mcprospero.identity.local.allow-remote=true with platform admins")
                    .contains("mcprospero.identity.local.allow-remote-admins=true").doesNotContain("MCProspero started");
        }
    }

    @Test
    void aServerKeptRunningAfterAFailedStartServesNothing() throws InterruptedException {
        Map<String, String> settings = new HashMap<>(KEEP_RUNNING);
        settings.put("MCPROSPERO_IDENTITY_MODE", "bogus");
        try (ServerUnderTest server = ServerUnderTest.launch("bad-mode-kept-running", settings)) {
            String logged = "mcprospero.identity.mode=bogus is not a mode MCProspero knows";
            assertStaysUnready(server);
            assertThat(server.logText()).contains(logged).doesNotContain("MCProspero started").doesNotContain("The process exits");
            // both answer a client with no credentials at all on a server that started
            assertThat(Http.get(server.baseUrl() + "/.well-known/oauth-authorization-server").statusCode()).isEqualTo(500);
            assertThat(Http.postJson(server.baseUrl() + "/oauth/register", "{\"redirect_uris\":[\"" + LocalSignIn.REDIRECT_URI + "\"]}")
                    .statusCode()).isEqualTo(500);
        }
    }

    @Test
    void aTamperedSigningKeyFailsTheStart() throws Exception {
        String database = ServerUnderTest.database("tampered_key");
        try (ServerUnderTest server = ServerUnderTest.start("tampered-key", ServerUnderTest.onFreshDatabase(database))) {
            LocalSignIn signIn = new LocalSignIn(server);
            LocalSignIn.Client client = signIn.register();
            String verifier = LocalSignIn.verifier();
            JsonObject tokens = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "tampered@example.com"), verifier));
            SealedSigningKey key = SealedSigningKey.signing(database);
            RSAKey privateKey = key.unseal(server.dataDir());
            server.stop();

            alterOneByte(database, key);
            // kept running, so that what a client would get from it can be asked
            server.relaunchWith(KEEP_RUNNING);

            assertStaysUnready(server);
            String log = server.logText();
            assertThat(log).contains("signing key " + key.kid() + " cannot be decrypted: the row was altered");
            assertThat(secretsOf(privateKey, server.dataDir())).hasSize(7).allSatisfy(secret -> assertThat(log).doesNotContain(secret));
            // what the tokens issued before the restart would get on a server that started: new tokens, and the tools
            assertThat(signIn.refresh(client, tokens.getString("refresh_token")).statusCode()).isEqualTo(500);
            assertThat(Http.get(signIn.authorizeUrl(client)).statusCode()).isEqualTo(500);
            assertThat(new RawMcp(server, tokens.getString("access_token")).post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                    + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}", null)
                    .statusCode()).isEqualTo(500);
        }
    }

    /** Readiness, asked every half second for the watch: 500 each time, as every path answers once the deployment failed. */
    private static void assertStaysUnready(ServerUnderTest server) throws InterruptedException {
        List<Integer> answers = new ArrayList<>();
        Instant end = Instant.now().plus(WATCH);
        while (Instant.now().isBefore(end)) {
            answers.add(Http.get(server.baseUrl() + "/health/ready").statusCode());
            Thread.sleep(500);
        }
        assertThat(answers).hasSizeGreaterThan(5).containsOnly(500);
    }

    /** What someone with write access to the database but without the master key might do: change one byte of the sealed key. */
    private static void alterOneByte(String database, SealedSigningKey key) throws Exception {
        byte[] altered = key.sealed().clone();
        altered[altered.length / 2] ^= 0x01;
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement update = db.prepareStatement("update signing_keys set sealed_private_jwk = ? where kid = ?")) {
            update.setBytes(1, altered);
            update.setString(2, key.kid());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The private members of the key, as its JWK encodes them, and the master key from the local key file. */
    private static List<String> secretsOf(RSAKey key, Path dataDir) throws Exception {
        Stream<String> privateMembers = Stream.of(key.getPrivateExponent(), key.getFirstPrimeFactor(), key.getSecondPrimeFactor(),
                key.getFirstFactorCRTExponent(), key.getSecondFactorCRTExponent(), key.getFirstCRTCoefficient()).map(Object::toString);
        // lines "<master key id>=<base64 key>", under comments
        Stream<String> masterKeys = Files.readAllLines(dataDir.resolve("keys").resolve("master.key")).stream()
                .filter(line -> !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(line.indexOf('=') + 1));
        return Stream.concat(privateMembers, masterKeys).toList();
    }
}
