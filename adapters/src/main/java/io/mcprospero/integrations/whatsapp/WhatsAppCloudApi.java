package io.mcprospero.integrations.whatsapp;

import io.mcprospero.integrations.IntegrationFailure;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * WhatsApp through Meta's Cloud API ({@code POST /{phone-number-id}/messages} on the Graph API), on the JDK's HTTP
 * client: Meta publishes no Java client. Errors are read from Graph's error object by their documented codes.
 */
public final class WhatsAppCloudApi implements WhatsApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    /** Re-engagement: the 24-hour customer service window is closed. */
    static final int OUTSIDE_WINDOW = 131047;
    /** The access token is invalid or expired (Graph's OAuthException). */
    static final int BAD_TOKEN = 190;
    private static final Set<Integer> TEMPLATE_ERRORS = Set.of(132000, 132001, 132005, 132007, 132012, 132015, 132016);
    private static final Set<Integer> THROTTLED = Set.of(4, 80007, 130429, 131048, 131056);

    /** Meta refused free text: the person has not written to the business number within 24 hours. */
    public static final class OutsideWindow extends IntegrationFailure {
        public OutsideWindow() {
            super(Kind.REFUSED, "WhatsApp refused free text: more than 24 hours have passed since this person last wrote to the business "
                    + "number, so only an approved template message can reach them (call whatsapp_send with template and language instead of text)");
        }
    }

    private final WhatsAppSettings settings;

    public WhatsAppCloudApi(WhatsAppSettings settings) {
        this.settings = settings;
    }

    @Override
    public String sendText(String to, String text) {
        return send(message(to).add("type", "text").add("text", Json.createObjectBuilder().add("preview_url", false).add("body", text)).build());
    }

    @Override
    public String sendTemplate(String to, String template, String language, List<String> parameters) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("name", template).add("language", Json.createObjectBuilder().add("code", language));
        if (!parameters.isEmpty()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            parameters.forEach(value -> values.add(Json.createObjectBuilder().add("type", "text").add("text", value)));
            body.add("components", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "body").add("parameters", values)));
        }
        return send(message(to).add("type", "template").add("template", body).build());
    }

    private static JsonObjectBuilder message(String to) {
        // the Cloud API takes the number without its plus sign
        return Json.createObjectBuilder().add("messaging_product", "whatsapp").add("recipient_type", "individual")
                .add("to", to.startsWith("+") ? to.substring(1) : to);
    }

    private String send(JsonObject message) {
        String base = (settings.baseUrl() == null || settings.baseUrl().isBlank() ? WhatsAppSettings.STANDARD_BASE : settings.baseUrl().strip())
                .replaceAll("/+$", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/" + settings.phoneNumberId() + "/messages")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString())).build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "WhatsApp could not be reached (" + unreachable.getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "the call to WhatsApp was interrupted");
        }
        JsonObject answer;
        try {
            answer = Json.createReader(new StringReader(response.body())).readObject();
        } catch (JsonException | ClassCastException notJson) {
            throw new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "WhatsApp answered " + response.statusCode() + " with a body that is no JSON object");
        }
        if (response.statusCode() == 200 && answer.get("messages") instanceof jakarta.json.JsonArray sent && !sent.isEmpty()) {
            return sent.getJsonObject(0).getString("id");
        }
        throw failure(response.statusCode(), answer.get("error") instanceof JsonObject error ? error : JsonObject.EMPTY_JSON_OBJECT);
    }

    static IntegrationFailure failure(int status, JsonObject error) {
        int code = error.containsKey("code") ? error.getInt("code") : 0;
        if (code == OUTSIDE_WINDOW) {
            return new OutsideWindow();
        }
        if (code == BAD_TOKEN) {
            return new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, "WhatsApp refused the platform's access token; a platform admin "
                    + "must set a valid mcprospero.tools.whatsapp.access-token");
        }
        if (TEMPLATE_ERRORS.contains(code)) {
            return new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "WhatsApp refused the template (" + code + ": "
                    + error.getString("message", "template error") + "); use the exact name, language and number of parameters of an approved template");
        }
        if (THROTTLED.contains(code) || status == 429 || status >= 500) {
            return new IntegrationFailure(IntegrationFailure.Kind.UNAVAILABLE, "WhatsApp could not send just now (" + (code == 0 ? "HTTP " + status : code) + ")");
        }
        return new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "WhatsApp refused the message (" + (code == 0 ? "HTTP " + status : code + ": "
                + error.getString("message", "error")) + ")");
    }
}
