package io.mcprospero.mcp;

import io.mcprospero.support.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The version of the tool surface (every tool's name, description and schemas). Every tool result carries
 * it, so a conversation can tell that the tools changed. {@code mcp/tools/surface.properties} records the
 * version and the fingerprint of the definitions it covers; a unit test fails when the definitions change
 * without a new version and a changelog entry (CHANGELOG-tools.md).
 */
public final class ToolSurface {

    public static final String META_KEY = "io.mcprospero/tool-surface";

    private ToolSurface() {
    }

    public static String version() {
        return recorded().getProperty("version");
    }

    public static Properties recorded() {
        Properties properties = new Properties();
        try (InputStream in = ToolSurface.class.getClassLoader().getResourceAsStream(ToolDefinition.RESOURCE_DIRECTORY + "surface.properties")) {
            if (in == null) {
                throw new IllegalStateException("mcp/tools/surface.properties is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** A fingerprint of the definitions, independent of their order. */
    public static String fingerprint(List<ToolDefinition> definitions) {
        StringBuilder canonical = new StringBuilder();
        definitions.stream()
                .sorted(Comparator.comparing(ToolDefinition::name))
                .forEach(definition -> canonical.append(definition.json().toString()).append('\n'));
        return Hashes.sha256Hex(canonical.toString());
    }
}
