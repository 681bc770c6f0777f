package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.LocalSignIn;
import io.mcprospero.it.support.RawMcp;
import io.mcprospero.it.support.ServerUnderTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authorization server's signing keys rest sealed in the database (envelope-encrypted with the master key), so a
 * copy of the database cannot sign tokens; a key stored in clear by an earlier version is sealed at the next start
 * and keeps signing. On PostgreSQL, on its own server, since it writes a key row by hand.
 */
class SigningKeysSealedIT {

    private record Row(String kid, String clearPrivateJwk, byte[] sealed, byte[] nonce, byte[] dataKey, String keyId) {
    }

    @Test
    void keysAreSealedAndAKeyStoredInClearIsSealedAtTheNextStartAndStillSigns() throws Exception {
        String database = ServerUnderTest.database("sealed_keys");
        try (ServerUnderTest server = ServerUnderTest.start("sealed-keys", ServerUnderTest.onFreshDatabase(database))) {
            List<Row> first = rows(database);
            assertThat(first).hasSize(1);
            assertSealed(first.get(0));

            // what a server before the keys were sealed left behind: the oldest key, in clear
            RSAKey legacy = new RSAKeyGenerator(2048).keyID("legacy-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
            insertInClear(database, legacy, Instant.parse("2020-01-01T00:00:00Z"));

            server.restartWith(Map.of());

            List<Row> after = rows(database);
            assertThat(after).hasSize(2);
            after.forEach(SigningKeysSealedIT::assertSealed);
            LocalSignIn signIn = new LocalSignIn(server);
            LocalSignIn.Client client = signIn.register();
            String verifier = LocalSignIn.verifier();
            String accessToken = Http.json(signIn.exchange(client, signIn.codeFor(client, verifier, "sealed@example.com"), verifier))
                    .getString("access_token");
            assertThat(SignedJWT.parse(accessToken).getHeader().getKeyID()).as("the oldest key signs").isEqualTo(legacy.getKeyID());
            RawMcp mcp = new RawMcp(server, accessToken);
            mcp.initialize();
            assertThat(mcp.callTool("whoami", "{}").toString()).contains("sealed@example.com");
        }
    }

    private static void assertSealed(Row row) {
        assertThat(row.clearPrivateJwk()).as("no private key in clear: " + row.kid()).isNull();
        assertThat(row.sealed()).isNotEmpty();
        assertThat(row.nonce()).hasSize(12);
        assertThat(row.dataKey()).isNotEmpty();
        assertThat(row.keyId()).isNotBlank();
        // the JWK's private exponent member would be there in clear
        assertThat(new String(row.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"").doesNotContain("RSA");
    }

    private static List<Row> rows(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement select = connection.prepareStatement("select kid, private_jwk, sealed_private_jwk, nonce, "
                     + "encrypted_data_key, key_id from signing_keys order by created_at");
             ResultSet result = select.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), result.getBytes(3), result.getBytes(4),
                        result.getBytes(5), result.getString(6)));
            }
            return rows;
        }
    }

    private static void insertInClear(String database, RSAKey key, Instant createdAt) throws Exception {
        try (Connection connection = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             PreparedStatement insert = connection.prepareStatement("insert into signing_keys "
                     + "(kid, algorithm, public_jwk, private_jwk, created_at, version) values (?, 'RS256', ?, ?, ?, 0)")) {
            insert.setString(1, key.getKeyID());
            insert.setString(2, key.toPublicJWK().toJSONString());
            insert.setString(3, key.toJSONString());
            insert.setTimestamp(4, Timestamp.from(createdAt));
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
