package io.mcprospero.support;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON-P through one provider, looked up once. {@code Jsons.object()} and friends search for
 * the provider with a ServiceLoader on every call, through every jar of the application, under class
 * loader locks; measured (bench/), that was about half of the CPU of an MCP tool call.
 */
public final class Jsons {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsons() {
    }

    /**
     * Names the provider in {@code jakarta.json.provider} (unless an operator set it), so that the
     * container's own JSON-P calls (MP-JWT parses every token's claims with it) skip the search too.
     */
    public static void pinProviderForTheProcess() {
        if (System.getProperty("jakarta.json.provider") == null) {
            System.setProperty("jakarta.json.provider", PROVIDER.getClass().getName());
        }
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    /** A builder that starts with the members of {@code initial}. */
    public static JsonObjectBuilder object(JsonObject initial) {
        return PROVIDER.createObjectBuilder(initial);
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonArrayBuilder array(Collection<?> values) {
        return PROVIDER.createArrayBuilder(values);
    }

    /** The text as a JSON string, or JSON null for null. */
    public static JsonValue stringOrNull(String text) {
        return text == null ? JsonValue.NULL : PROVIDER.createValue(text);
    }

    public static JsonReader reader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReader reader(InputStream in) {
        return PROVIDER.createReader(in);
    }
}
