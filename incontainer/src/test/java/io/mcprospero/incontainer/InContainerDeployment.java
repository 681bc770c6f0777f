package io.mcprospero.incontainer;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the in-container tests deploy: the web module's WAR exactly as the uberjar deploys it (the build stages
 * it, incontainer/pom.xml), with the test classes and AssertJ added. Made in the test JVM before Payara Micro
 * starts, so this is also where the run's database and data directory are made afresh.
 */
final class InContainerDeployment {

    private InContainerDeployment() {
    }

    /** The WAR with these test classes (and their nested ones) added; this class stays out, it needs ShrinkWrap. */
    static WebArchive withTests(Class<?>... tests) {
        recreateDatabase(System.getProperty("it.db.name", "mcprospero_incontainer"));
        deleteDataDir(Path.of(System.getProperty("it.data.dir", "target/incontainer-data")));
        File war = new File(System.getProperty("it.war", "target/payara-micro/mcprospero.war"));
        // ROOT: the context root the product has (payara-web.xml, the uberjar's --contextroot /)
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class)
                .addClasses(tests)
                .addAsLibrary(jarOf(Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the ear module's ServerUnderTest does: drops and creates the database, so that the run starts from an empty schema. */
    private static void recreateDatabase(String database) {
        String server = "jdbc:postgresql://" + System.getProperty("it.db.host", "127.0.0.1") + ":" + System.getProperty("it.db.port", "5432");
        String user = System.getProperty("it.db.user", "postgres");
        try (Connection connection = DriverManager.getConnection(server + "/postgres", user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL must run on " + server + " with trust auth for user " + user, e);
        }
    }

    /** The local master key lives here; a fresh database with an old key file would still start, but a run should not depend on the last. */
    private static void deleteDataDir(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("could not clear " + dataDir, e);
        }
    }
}
