package io.mcprospero.oauth;

import io.mcprospero.support.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A client's metadata (RFC 7591 §2) after validation. Dynamic registration and Client ID Metadata
 * Documents read it with the same rules, so a client cannot get through one door what the other refuses.
 */
public record ClientMetadata(List<String> redirectUris, String authMethod, List<String> grantTypes, List<String> responseTypes,
                             String clientName, JsonObject json) {

    static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_post", "client_secret_basic");
    static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token");
    private static final int MAX_REDIRECT_URIS = 10;
    private static final int MAX_NAME = 200;

    /** Parses a JSON body; anything but a JSON object is invalid_client_metadata. */
    public static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw OAuthError.invalidClientMetadata("the body must be a JSON object of client metadata");
        }
        try (JsonReader reader = Jsons.reader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                throw OAuthError.invalidClientMetadata("the body must be a JSON object of client metadata");
            }
            return object;
        } catch (JsonException e) {
            throw OAuthError.invalidClientMetadata("the body is not valid JSON");
        }
    }

    /** Validates metadata; throws invalid_redirect_uri or invalid_client_metadata saying what is wrong. */
    public static ClientMetadata of(JsonObject metadata) {
        List<String> redirectUris = redirectUris(metadata);
        String authMethod = optionalString(metadata, "token_endpoint_auth_method", "none");
        if (!AUTH_METHODS.contains(authMethod)) {
            throw OAuthError.invalidClientMetadata("token_endpoint_auth_method must be one of " + AUTH_METHODS + "; got '" + authMethod + "'");
        }
        List<String> grantTypes = stringList(metadata, "grant_types", List.of("authorization_code"));
        if (!GRANT_TYPES.containsAll(grantTypes)) {
            throw OAuthError.invalidClientMetadata("grant_types may contain only " + GRANT_TYPES + "; got " + grantTypes);
        }
        List<String> responseTypes = stringList(metadata, "response_types", List.of("code"));
        if (!List.of("code").containsAll(responseTypes)) {
            throw OAuthError.invalidClientMetadata("response_types may contain only \"code\"; got " + responseTypes);
        }
        String name = optionalString(metadata, "client_name", null);
        if (name != null && name.length() > MAX_NAME) {
            throw OAuthError.invalidClientMetadata("client_name must be at most " + MAX_NAME + " characters");
        }
        return new ClientMetadata(redirectUris, authMethod, grantTypes, responseTypes, name, metadata);
    }

    public boolean isPublic() {
        return "none".equals(authMethod);
    }

    private static List<String> redirectUris(JsonObject metadata) {
        JsonValue value = metadata.get("redirect_uris");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw OAuthError.invalidRedirectUri("redirect_uris is required: a non-empty array of URIs");
        }
        if (array.size() > MAX_REDIRECT_URIS) {
            throw OAuthError.invalidRedirectUri("at most " + MAX_REDIRECT_URIS + " redirect_uris are accepted");
        }
        List<String> uris = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString uri)) {
                throw OAuthError.invalidRedirectUri("redirect_uris must contain strings only");
            }
            String problem = RedirectUris.problemWith(uri.getString());
            if (problem != null) {
                throw OAuthError.invalidRedirectUri(problem);
            }
            uris.add(uri.getString());
        }
        return uris;
    }

    private static String optionalString(JsonObject metadata, String field, String fallback) {
        JsonValue value = metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonString string)) {
            throw OAuthError.invalidClientMetadata(field + " must be a string");
        }
        return string.getString();
    }

    private static List<String> stringList(JsonObject metadata, String field, List<String> fallback) {
        JsonValue value = metadata.get(field);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (!(value instanceof JsonArray array) || array.stream().anyMatch(item -> !(item instanceof JsonString))) {
            throw OAuthError.invalidClientMetadata(field + " must be an array of strings");
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
