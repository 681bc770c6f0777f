package io.mcprospero.integrations.oauth;

import io.mcprospero.integrations.IntegrationFailure;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Form-encoded POSTs to a provider's OAuth endpoints on the JDK's HTTP client, answered in JSON. */
public final class FormPosts {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** A status and its JSON body (empty when the body is none). */
    public record Answer(int status, JsonObject body) {
    }

    private FormPosts() {
    }

    public static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Answer post(URI uri, Map<String, String> fields, String provider) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, provider + " could not be reached (" + unreachable.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "the call to " + provider + " was interrupted");
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (body.isEmpty()) {
            return new Answer(response.statusCode(), JsonObject.EMPTY_JSON_OBJECT);
        }
        try {
            return new Answer(response.statusCode(), Json.createReader(new StringReader(body)).readObject());
        } catch (JsonException | ClassCastException notJson) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, provider + " answered " + response.statusCode() + " with a body that is no JSON object");
        }
    }
}
