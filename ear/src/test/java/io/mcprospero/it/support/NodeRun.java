package io.mcprospero.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a script in the node directory (ear/src/test/node) with the machine's node, output kept in files. */
public record NodeRun(int exitCode, String stdout, String stderr, Path stdoutFile) {

    private static final long TIMEOUT_SECONDS = 180;

    public static NodeRun of(String script, String... arguments) throws IOException, InterruptedException {
        Path nodeDir = Path.of(System.getProperty("it.node.dir", "src/test/node")).toAbsolutePath();
        if (!Files.isDirectory(nodeDir.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            fail("node_modules is missing in " + nodeDir + ": run `npm ci` in that directory first");
        }
        Path work = Path.of(System.getProperty("it.work", "target/it")).toAbsolutePath();
        Files.createDirectories(work);
        String name = script.replace(".mjs", "") + "-" + System.nanoTime();
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
    public JsonObject verdict() {
        String[] lines = stdout.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        assertThat(last).as("last line of stdout is a JSON object\n" + describe()).startsWith("{");
        try (JsonReader reader = Json.createReader(new StringReader(last))) {
            return reader.readObject();
        }
    }

    public String describe() {
        return "exit code " + exitCode + ", stdout (" + stdoutFile + "):\n" + stdout + "\nstderr:\n" + stderr;
    }
}

