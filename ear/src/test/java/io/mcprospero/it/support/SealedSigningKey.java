package io.mcprospero.it.support;

import com.nimbusds.jose.jwk.RSAKey;
import io.mcprospero.kms.AesGcm;
import io.mcprospero.kms.EncryptedDataKey;
import io.mcprospero.kms.EncryptionContext;
import io.mcprospero.kms.LocalKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.ParseException;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server's signing key as its PostgreSQL database holds it, sealed, and opened as the server opens it: the data key
 * from the master key file in the server's data directory, then AES-GCM. The database and that file together are what
 * it takes to sign, so tests can forge tokens, or look for the key where it must not be.
 */
public record SealedSigningKey(String kid, byte[] sealed, byte[] nonce, byte[] dataKey, String keyId) {

    /** The key that signs: the oldest unretired one. */
    public static SealedSigningKey signing(String database) throws SQLException {
        try (Connection db = DriverManager.getConnection(ServerUnderTest.jdbcUrl(database), ServerUnderTest.dbUser(), "");
             Statement query = db.createStatement();
             ResultSet key = query.executeQuery("select kid, sealed_private_jwk, nonce, encrypted_data_key, key_id from signing_keys "
                     + "where retired_at is null order by created_at")) {
            if (!key.next()) {
                throw new IllegalStateException("no signing key in " + database);
            }
            return new SealedSigningKey(key.getString(1), key.getBytes(2), key.getBytes(3), key.getBytes(4), key.getString(5));
        }
    }

    /** The private JWK, with the local master key file of this data directory. */
    public RSAKey unseal(Path dataDir) throws GeneralSecurityException, ParseException {
        EncryptionContext context = EncryptionContext.of("purpose", "oauth-signing-key").with("kid", kid);
        byte[] plainDataKey = LocalKeyFile.open(dataDir.resolve("keys").resolve("master.key"))
                .decryptDataKey(new EncryptedDataKey(dataKey, keyId), context);
        return RSAKey.parse(new String(AesGcm.open(new SecretKeySpec(plainDataKey, "AES"), nonce, sealed, context.canonical()),
                StandardCharsets.UTF_8));
    }
}
