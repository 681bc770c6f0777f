package io.mcprospero.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tool surface may only change together with a new version and a changelog entry. */
class ToolSurfaceVersionTest {

    private static final Path DEFINITIONS = Path.of("src/main/resources/mcp/tools");
    private static final Path CHANGELOG = Path.of("../CHANGELOG-tools.md");

    @Test
    void definitionsMatchTheRecordedFingerprintOfTheCurrentVersion() throws IOException {
        List<ToolDefinition> definitions;
        try (Stream<Path> files = Files.list(DEFINITIONS)) {
            definitions = files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> ToolDefinition.load(file.getFileName().toString().replace(".json", "")))
                    .toList();
        }
        String fingerprint = ToolSurface.fingerprint(definitions);

        assertThat(fingerprint)
                .as("the tool definitions changed: raise 'version' in mcp/tools/surface.properties, set its fingerprint to %s, "
                        + "and describe the change in CHANGELOG-tools.md", fingerprint)
                .isEqualTo(ToolSurface.recorded().getProperty("fingerprint"));
    }

    @Test
    void theCurrentVersionHasAChangelogEntry() throws IOException {
        assertThat(Files.readString(CHANGELOG)).contains("## " + ToolSurface.version() + " ");
    }
}
