package io.mcprospero.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mcprospero.it.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The official MCP TypeScript SDK client (npm) connects from the MCP URL alone, with the SDK's own OAuth:
 * 401 → protected resource and authorization server metadata → dynamic registration → sign-in → code
 * exchange → initialize → tools; then create_org, switch_org, whoami shows the new org with role owner, and
 * a rejected access token makes the SDK spend the rotating refresh token instead of signing in again.
 * The story itself is {@code ts-client-flow.mjs}; this test runs it and reads its verdict.
 */
class TypeScriptSdkConnectIT {

    private static final long TIMEOUT_SECONDS = 180;

    private final ServerUnderTest server = ServerUnderTest.shared();

    @Test
    void theTypeScriptSdkClientConnectsThroughOAuthAndWorksWithOrgs() throws Exception {
        String email = "ts-sdk@example.com";

        NodeRun run = NodeRun.of("ts-client-flow.mjs", server.mcpUrl(), email, ServerUnderTest.ACCESS_CODE);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        JsonObject verdict = run.verdict();
        assertThat(verdict.getBoolean("ok")).as(run.describe()).isTrue();
        assertThat(verdict.getString("email")).isEqualTo(email);
        assertThat(verdict.getString("orgName")).startsWith("TS Org ");
        assertThat(verdict.getString("role")).isEqualTo("owner");
        assertThat(verdict.getBoolean("refreshed")).isTrue();
        assertThat(verdict.getJsonArray("tools").getValuesAs(JsonString::getString))
                .contains("whoami", "list_orgs", "create_org", "switch_org");
        assertThat(verdict.getJsonObject("server").getString("name")).isEqualTo("mcprospero");
    }

    /** One run of a script in the node directory (ear/src/test/node) with the machine's node, output kept in files. */
    record NodeRun(int exitCode, String stdout, String stderr, Path stdoutFile) {

        static NodeRun of(String script, String... arguments) throws IOException, InterruptedException {
            Path nodeDir = Path.of(System.getProperty("it.node.dir", "src/test/node")).toAbsolutePath();
            if (!Files.isDirectory(nodeDir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
                fail("node_modules is missing in " + nodeDir + ": run `npm ci` in that directory first");
            }
            Path work = Path.of(System.getProperty("it.work", "target/it")).toAbsolutePath();
            Files.createDirectories(work);
            String name = script.replace(".mjs", "");
            Path out = work.resolve(name + ".stdout.txt");
            Path err = work.resolve(name + ".stderr.txt");

            List<String> command = new ArrayList<>(List.of(System.getProperty("it.node", "node"), script));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command)
                    .directory(nodeDir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(script + " did not finish within " + TIMEOUT_SECONDS + " s; output so far in " + out + " and " + err
                        + "\n" + Files.readString(out) + "\n" + Files.readString(err));
            }
            return new NodeRun(process.exitValue(), Files.readString(out), Files.readString(err), out);
        }

        /** The JSON object the script prints as its last line. */
        JsonObject verdict() {
            String[] lines = stdout.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            assertThat(last).as("last line of stdout is a JSON object\n" + describe()).startsWith("{");
            try (JsonReader reader = Json.createReader(new StringReader(last))) {
                return reader.readObject();
            }
        }

        String describe() {
            return "exit code " + exitCode + ", stdout (" + stdoutFile + "):\n" + stdout + "\nstderr:\n" + stderr;
        }
    }
}
