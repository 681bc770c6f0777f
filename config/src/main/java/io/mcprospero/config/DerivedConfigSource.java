package io.mcprospero.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Values that follow from other configuration, so that an operator sets one key and not five: the
 * public URL defaults to the local HTTP port; MP-JWT's issuer, audience and verification keys follow
 * from the public URL and the data directory; the JDBC settings follow from
 * {@code mcprospero.db.url} (unset = an H2 file database in the data directory).
 *
 * <p>Its ordinal is below the defaults file, environment and system properties, so any of these keys
 * can still be set explicitly.
 */
public final class DerivedConfigSource implements ConfigSource {

    public static final String PUBLIC_URL = "mcprospero.public-url";
    public static final String DB_URL = "mcprospero.db.url";
    public static final String JDBC_URL = "mcprospero.db.jdbc-url";
    public static final String JDBC_DATASOURCE_CLASS = "mcprospero.db.datasource-class";
    public static final String DB_USER = "mcprospero.db.user";
    public static final String DB_PASSWORD = "mcprospero.db.password";
    public static final String DATA_DIR = "mcprospero.data-dir";
    static final String JWT_ISSUER = "mp.jwt.verify.issuer";
    static final String JWT_AUDIENCES = "mp.jwt.verify.audiences";
    static final String JWT_PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";

    /** The password of the embedded H2 file; it guards nothing that the file system does not already guard. */
    static final String EMBEDDED_DB_PASSWORD = "mcprospero-embedded";

    private final Map<String, Function<Config, Optional<String>>> derivations = Map.of(
            PUBLIC_URL, config -> Optional.of("http://localhost:" + HttpPort.current()),
            JWT_ISSUER, config -> Optional.of(publicUrl(config)),
            JWT_AUDIENCES, config -> Optional.of(publicUrl(config) + "/mcp"),
            JWT_PUBLIC_KEY_LOCATION, config -> Optional.of(VerificationKeys.file(config).toUri().toString()),
            JDBC_URL, DerivedConfigSource::jdbcUrl,
            JDBC_DATASOURCE_CLASS, config -> Optional.of(Database.of(jdbcUrl(config).orElseThrow()).dataSourceClass()),
            DB_USER, config -> Optional.of(Database.of(jdbcUrl(config).orElseThrow()).defaultUser()),
            DB_PASSWORD, config -> Optional.of(EMBEDDED_DB_PASSWORD));

    @Override
    public Set<String> getPropertyNames() {
        return derivations.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        Function<Config, Optional<String>> derivation = derivations.get(propertyName);
        if (derivation == null) {
            return null;
        }
        return derivation.apply(ConfigProvider.getConfig()).orElse(null);
    }

    @Override
    public String getName() {
        return "mcprospero-derived";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    private static String publicUrl(Config config) {
        String url = config.getOptionalValue(PUBLIC_URL, String.class)
                .orElseGet(() -> "http://localhost:" + HttpPort.current());
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The data directory as an absolute path. */
    static Path dataDir(Config config) {
        return Path.of(config.getOptionalValue(DATA_DIR, String.class).orElse("mcprospero-data")).toAbsolutePath().normalize();
    }

    private static Optional<String> jdbcUrl(Config config) {
        Optional<String> explicit = config.getOptionalValue(DB_URL, String.class);
        if (explicit.isPresent()) {
            return explicit;
        }
        Path file = dataDir(config).resolve("db").resolve("mcprospero");
        return Optional.of("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
