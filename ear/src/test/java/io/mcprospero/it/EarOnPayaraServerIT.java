package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcprospero.it.support.Http;
import io.mcprospero.it.support.NodeRun;
import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The EAR on the full server: Payara Server (the zip from Maven Central, unpacked by the build) gets a domain of its
 * own on ports of its own, the PostgreSQL driver in the domain's lib/, and the database and public URL as server-level
 * settings, as an operator of a full server provides them (README). The EAR deploys, reports ready, and the official
 * MCP TypeScript SDK client connects through the whole OAuth flow and works with orgs. Started again with a setting
 * the application cannot honour, the deployment fails and the server goes on running: it is not the application's.
 */
class EarOnPayaraServerIT {

    /** Admin on 28048, HTTP on 28080: clear of the uberjar servers, which take ephemeral ports. */
    private static final int PORT_BASE = 28000;
    private static final String DOMAIN = "ear-it";

    @Test
    void theEarDeploysOnPayaraServerAndAnMcpClientConnects() throws Exception {
        Path payara = Path.of(System.getProperty("it.payara.server", "target/payara-server/payara6")).toAbsolutePath();
        Path ear = Path.of(System.getProperty("it.ear", "target/mcprospero.ear")).toAbsolutePath();
        Path work = Path.of(System.getProperty("it.work", "target/it")).toAbsolutePath().resolve("payara-server");
        Path domains = work.resolve("domains");
        deleteRecursively(work);
        Files.createDirectories(domains);
        String database = ServerUnderTest.database("ear_it");
        ServerUnderTest.recreateDatabase(database);
        String publicUrl = "http://localhost:" + (PORT_BASE + 80);

        Map<String, String> environment = new HashMap<>();
        environment.put("MCPROSPERO_PUBLIC_URL", publicUrl);
        environment.put("MCPROSPERO_DATA_DIR", work.resolve("data").toString());
        environment.put("MCPROSPERO_IDENTITY_LOCAL_ACCESS_CODE", ServerUnderTest.ACCESS_CODE);
        environment.put("MCPROSPERO_DB_URL", ServerUnderTest.jdbcUrl(database));
        environment.put("MCPROSPERO_DB_USER", ServerUnderTest.dbUser());
        // a full server resolves the data source's settings from its own configuration, at deployment
        environment.put("MCPROSPERO_DB_DATASOURCE_CLASS", "org.postgresql.ds.PGSimpleDataSource");
        environment.put("MCPROSPERO_DB_JDBC_URL", ServerUnderTest.jdbcUrl(database));
        environment.put("MCPROSPERO_DB_PASSWORD", "");
        Asadmin asadmin = new Asadmin(payara, environment, work.resolve("asadmin.log"));

        asadmin.run("create-domain", "--domaindir", domains.toString(), "--portbase", String.valueOf(PORT_BASE),
                "--nopassword=true", DOMAIN);
        // the default 512 MB heap runs out while the server scans the EAR's libraries at deployment (the README says so)
        Path domainXml = domains.resolve(DOMAIN).resolve("config").resolve("domain.xml");
        Files.writeString(domainXml, Files.readString(domainXml).replace("<jvm-options>-Xmx512m</jvm-options>",
                "<jvm-options>-Xmx1536m</jvm-options>"));
        // the JDBC driver belongs to the server: it loads the data source's class at deployment
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.copy(driver, domains.resolve(DOMAIN).resolve("lib").resolve(driver.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        asadmin.run("start-domain", "--domaindir", domains.toString(), DOMAIN);
        try {
            asadmin.run("--port", String.valueOf(PORT_BASE + 48), "deploy", ear.toString());

            HttpResponse<String> ready = Http.get(publicUrl + "/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(ready.body()).contains("\"product\":\"PostgreSQL\"").contains("workflow-engine");

            NodeRun run = NodeRun.of("ts-client-flow.mjs", publicUrl + "/mcp", "ear@example.com", ServerUnderTest.ACCESS_CODE);
            assertThat(run.exitCode()).as(run.describe()).isZero();
            JsonObject verdict = run.verdict();
            assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
            assertThat(verdict.getString("role")).isEqualTo("owner");
            assertThat(verdict.getBoolean("refreshed")).isTrue();
            // the default public URL's port is asked of Payara Micro only where Payara Micro runs
            assertThat(Files.readString(domains.resolve(DOMAIN).resolve("logs").resolve("server.log"))).doesNotContain("PayaraMicroImpl");
            asadmin.run("--port", String.valueOf(PORT_BASE + 48), "undeploy", "mcprospero");
        } finally {
            asadmin.run("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }

        // a start that fails (here: an identity mode nobody knows) fails the deployment, never the shared server
        environment.put("MCPROSPERO_IDENTITY_MODE", "bogus");
        asadmin.run("start-domain", "--domaindir", domains.toString(), DOMAIN);
        try {
            assertThat(asadmin.exitCode("--port", String.valueOf(PORT_BASE + 48), "deploy", ear.toString())).isNotZero();
            assertThat(asadmin.exitCode("--port", String.valueOf(PORT_BASE + 48), "uptime")).as("the server still runs").isZero();
            assertThat(Files.readString(domains.resolve(DOMAIN).resolve("logs").resolve("server.log")))
                    .contains("mcprospero.identity.mode=bogus is not a mode MCProspero knows");
        } finally {
            asadmin.run("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        }
    }

    /** Payara Server's command line, run as the asadmin script runs it, with the server's environment. */
    private record Asadmin(Path payara, Map<String, String> environment, Path log) {

        void run(String... arguments) throws IOException, InterruptedException {
            Instant started = Instant.now();
            assertThat(exitCode(arguments)).as("asadmin %s (%s s); see %s and the domain's server.log", String.join(" ", arguments),
                    Duration.between(started, Instant.now()).toSeconds(), log).isZero();
        }

        int exitCode(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", payara.resolve("glassfish/lib/client/appserver-cli.jar").toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " did not finish in 5 minutes; see " + log);
            }
            return process.exitValue();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
