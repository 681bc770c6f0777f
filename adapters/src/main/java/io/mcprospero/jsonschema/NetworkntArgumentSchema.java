package io.mcprospero.jsonschema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;

/** {@link ArgumentSchema} with networknt's validator. */
final class NetworkntArgumentSchema implements ArgumentSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;
    /** What the schema says of no arguments at all, the most common call (whoami, list_orgs), worked out once. */
    private final String problemsOfNoArguments;

    private static String describe(Error error) {
        String location = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
        return location.isEmpty() || "$".equals(location) ? error.getMessage() : location + ": " + error.getMessage();
    }

    NetworkntArgumentSchema(JsonObject inputSchema) {
        this.schema = REGISTRY.getSchema(inputSchema.toString(), InputFormat.JSON);
        this.problemsOfNoArguments = validate(JsonValue.EMPTY_JSON_OBJECT);
    }

    @Override
    public String problems(JsonObject arguments) {
        return arguments.isEmpty() ? problemsOfNoArguments : validate(arguments);
    }

    private String validate(JsonObject arguments) {
        List<Error> errors = schema.validate(arguments.toString(), InputFormat.JSON);
        if (errors.isEmpty()) {
            return null;
        }
        return errors.stream().map(NetworkntArgumentSchema::describe).distinct().collect(Collectors.joining("; "));
    }
}
