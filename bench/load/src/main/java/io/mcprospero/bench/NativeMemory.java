package io.mcprospero.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code jcmd <pid> VM.native_memory summary} of a server started with -XX:NativeMemoryTracking=summary. */
final class NativeMemory {

    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB", Pattern.MULTILINE);
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)", Pattern.MULTILINE);

    private NativeMemory() {
    }

    /** Committed KiB per NMT category (and "Total"); the full output is kept in {@code file}. */
    static Map<String, Long> capture(ServerProcess server, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), "VM.native_memory", "summary")
                .redirectErrorStream(true)
                .redirectOutput(file.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = Files.readString(file);
        Map<String, Long> committed = new LinkedHashMap<>();
        Matcher total = TOTAL.matcher(text);
        if (total.find()) {
            committed.put("Total", Long.parseLong(total.group(2)));
        }
        Matcher category = CATEGORY.matcher(text);
        while (category.find()) {
            committed.put(category.group(1).trim(), Long.parseLong(category.group(3)));
        }
        return committed;
    }
}
