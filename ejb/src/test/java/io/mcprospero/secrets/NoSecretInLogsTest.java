package io.mcprospero.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mcprospero.observability.JsonLogFormatter;
import io.mcprospero.persistence.secrets.SecretKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Everything the application logs (at every level) and every exception it throws while storing, reading,
 * rotating and refusing a secret is free of the secret and of the plain data keys, in any encoding.
 */
class NoSecretInLogsTest {

    private static final String TOKEN = "ya29.A0ARrdaM-known-secret-token-value";

    private final Logger root = Logger.getLogger("");
    private final Logger application = Logger.getLogger("io.mcprospero");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final JsonLogFormatter formatter = new JsonLogFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level applicationLevel;

    static Stream<SecretsWorld.Setup> setups() {
        return SecretsWorld.Setup.all();
    }

    @BeforeEach
    void captureEverything() {
        applicationLevel = application.getLevel();
        application.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        root.removeHandler(capture);
        application.setLevel(applicationLevel);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void storingReadingRotatingAndRefusingLogNoSecret(SecretsWorld.Setup setup) {
        List<String> exceptions = new ArrayList<>();
        List<byte[]> plainKeys;
        try (SecretsWorld world = setup.open()) {
            String acme = world.newOrg("Acme");
            String globex = world.newOrg("Globex");
            world.secrets.put(acme, "google:alice@example.com", SecretKind.OAUTH_TOKEN, TOKEN.getBytes(StandardCharsets.UTF_8));
            world.secrets.get(acme, "google:alice@example.com");
            world.anotherInstance().secrets.get(acme, "google:alice@example.com");
            world.secrets.list(acme);
            world.kms.rotateOutsideTheApplication();
            world.rotation.rotateAll();
            world.database.execute("INSERT INTO secrets (id, org_id, name, kind, ciphertext, nonce, encrypted_data_key, key_id, "
                    + "created_at, updated_at, wrapped_at, version) SELECT 'copied-row', ?, name, kind, ciphertext, nonce, "
                    + "encrypted_data_key, key_id, created_at, updated_at, wrapped_at, version FROM secrets WHERE org_id = ?", globex, acme);
            exceptions.add(describe(catchThrowable(() -> world.secrets.get(globex, "google:alice@example.com"))));
            world.rotation.rotateAll();
            exceptions.add(describe(catchThrowable(() -> world.withAnotherInstallationsMasterKey().secrets.get(acme, "google:alice@example.com"))));
            world.secrets.delete(acme, "google:alice@example.com");
            plainKeys = world.keys.plainKeys();
        }

        assertThat(lines).as("the test saw the application log").isNotEmpty();
        assertThat(exceptions).allSatisfy(text -> assertThat(text).contains("cannot be decrypted"));
        List<String> forbidden = new ArrayList<>(encodings(TOKEN.getBytes(StandardCharsets.UTF_8)));
        forbidden.add(TOKEN);
        plainKeys.forEach(key -> forbidden.addAll(encodings(key)));
        for (String text : Stream.concat(lines.stream(), exceptions.stream()).toList()) {
            for (String secret : forbidden) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private static List<String> encodings(byte[] value) {
        return List.of(Base64.getEncoder().encodeToString(value), Base64.getUrlEncoder().withoutPadding().encodeToString(value),
                HexFormat.of().formatHex(value), HexFormat.of().withUpperCase().formatHex(value), Arrays.toString(value));
    }

    private static String describe(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return thrown + "\n" + trace;
    }
}
