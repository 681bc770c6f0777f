package io.mcprospero.mcp;

import io.mcprospero.authz.Caller;
import io.mcprospero.failure.DomainException;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The resources and prompts the features offer (runs' transcripts, agent templates), the same in both protocol
 * eras: each protocol routes {@link #METHODS} here and wraps the result as its revision says.
 */
@ApplicationScoped
public class ContentCatalog {

    public static final Set<String> METHODS = Set.of("resources/list", "resources/templates/list", "resources/read",
            "prompts/list", "prompts/get");

    private List<ResourceSource> resources;
    private List<PromptSource> prompts;

    protected ContentCatalog() {
        // for the CDI proxy
    }

    @Inject
    public ContentCatalog(@Any Instance<ResourceSource> resources, @Any Instance<PromptSource> prompts) {
        this.resources = resources.stream().toList();
        this.prompts = prompts.stream().toList();
    }

    /** The capabilities to declare: none are subscribable and neither list announces changes. */
    public void declare(JsonObjectBuilder capabilities) {
        capabilities.add("resources", Jsons.object().add("subscribe", false).add("listChanged", false));
        capabilities.add("prompts", Jsons.object().add("listChanged", false));
    }

    public JsonObjectBuilder answer(String method, JsonObject params, Caller caller) {
        return switch (method) {
            case "resources/list" -> Jsons.object().add("resources", Jsons.array(resources.stream().flatMap(s -> s.list(caller).stream()).toList()));
            case "resources/templates/list" -> Jsons.object().add("resourceTemplates",
                    Jsons.array(resources.stream().flatMap(s -> s.templates().stream()).toList()));
            case "resources/read" -> read(text(params, "uri"), caller);
            case "prompts/list" -> Jsons.object().add("prompts", Jsons.array(prompts.stream().flatMap(s -> s.list().stream()).toList()));
            case "prompts/get" -> prompt(text(params, "name"), params.get("arguments") instanceof JsonObject args ? args : JsonValue.EMPTY_JSON_OBJECT);
            default -> throw new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    private JsonObjectBuilder read(String uri, Caller caller) {
        for (ResourceSource source : resources) {
            Optional<JsonObject> contents;
            try {
                contents = source.read(caller, uri);
            } catch (DomainException refused) {
                throw notFound(uri, refused.getMessage());
            }
            if (contents.isPresent()) {
                return Jsons.object().add("contents", Jsons.array().add(contents.get()));
            }
        }
        throw notFound(uri, "no resource '" + uri + "'; resources/list shows what there is");
    }

    /** SEP-2164: invalid params with the URI in data, in both eras (-32002 of earlier revisions is a server-error code). */
    private static JsonRpcError notFound(String uri, String message) {
        return new JsonRpcError(JsonRpcError.INVALID_PARAMS, message, Jsons.object().add("uri", uri).build());
    }

    private JsonObjectBuilder prompt(String name, JsonObject arguments) {
        for (PromptSource source : prompts) {
            Optional<JsonObject> prompt = source.get(name, arguments);
            if (prompt.isPresent()) {
                return Jsons.object(prompt.get());
            }
        }
        throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "no prompt '" + name + "'; prompts/list shows them");
    }

    private static String text(JsonObject params, String key) {
        if (!(params.get(key) instanceof JsonString value) || value.getString().isBlank() || value.getString().length() > 500) {
            throw new JsonRpcError(JsonRpcError.INVALID_PARAMS, "params." + key + " is required (a string of at most 500 characters)");
        }
        return value.getString();
    }
}
