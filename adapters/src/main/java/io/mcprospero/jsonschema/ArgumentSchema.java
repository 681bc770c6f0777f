package io.mcprospero.jsonschema;

import jakarta.json.JsonObject;

/** A tool's input schema (JSON Schema draft 2020-12), compiled once, checking the arguments of each call. */
public interface ArgumentSchema {

    /** Compiles {@code inputSchema}; throws if it is not a valid schema. */
    static ArgumentSchema compile(JsonObject inputSchema) {
        return new NetworkntArgumentSchema(inputSchema);
    }

    /** Returns null when the arguments are valid, else a message naming each problem. */
    String problems(JsonObject arguments);
}
