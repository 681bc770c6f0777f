package io.mcprospero.integrations.whatsapp;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook for a WhatsApp Business Account, as its documentation describes it: every POST is signed with the
 * app secret ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}), and its {@code messages} field
 * carries the messages people sent to a business number and the status updates of messages the number sent. Only what
 * the 24-hour window and delivery reports need is read: who wrote to which number and when, and which message reached,
 * or failed to reach, its recipient. Message text is never read.
 */
public final class WhatsAppWebhook {

    /** A person ({@code from}, their number without its plus) wrote to the business number {@code phoneNumberId}. */
    public record Inbound(String phoneNumberId, String from, Instant at) {
    }

    /** What became of a message the business number sent: sent, delivered, read or failed (with Meta's error). */
    public record Status(String phoneNumberId, String messageId, String recipient, String status, Instant at, Integer errorCode, String error) {

        public boolean failed() {
            return "failed".equals(status);
        }
    }

    public record Events(List<Inbound> inbound, List<Status> statuses) {

        public int size() {
            return inbound.size() + statuses.size();
        }
    }

    /** The payload is not a WhatsApp Business Account webhook; the message says what is wrong. */
    public static class NotAWebhook extends RuntimeException {
        public NotAWebhook(String message) {
            super(message);
        }
    }

    private static final String SCHEME = "sha256=";

    private WhatsAppWebhook() {
    }

    /** Whether {@code header} is the app's signature of exactly these bytes; compared in constant time. */
    public static boolean signed(byte[] body, String header, String appSecret) {
        if (header == null || appSecret == null || appSecret.isEmpty() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(header.substring(SCHEME.length()).strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(presented, hmacSha256(appSecret, body));
    }

    /** The signature Meta would send for the body; stand-ins and tests sign with it. */
    public static String signature(byte[] body, String appSecret) {
        return SCHEME + HexFormat.of().formatHex(hmacSha256(appSecret, body));
    }

    /** HMAC-SHA256 under a text key: Meta's signature, and the keyed digests of numbers made with the same secret. */
    public static byte[] hmacSha256(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The inbound messages and status updates of a payload ({@code object: whatsapp_business_account}, entries of
     * changes whose {@code field} is {@code messages}); other fields (templates, account updates) are skipped.
     */
    public static Events read(JsonObject payload) {
        if (!"whatsapp_business_account".equals(string(payload, "object"))) {
            throw new NotAWebhook("the payload's object is not whatsapp_business_account");
        }
        List<Inbound> inbound = new ArrayList<>();
        List<Status> statuses = new ArrayList<>();
        for (JsonObject entry : objects(payload.get("entry"), "entry")) {
            for (JsonObject change : objects(entry.get("changes"), "entry[].changes")) {
                if (!"messages".equals(string(change, "field")) || !(change.get("value") instanceof JsonObject value)) {
                    continue;
                }
                String phoneNumberId = value.get("metadata") instanceof JsonObject metadata ? string(metadata, "phone_number_id") : null;
                if (phoneNumberId == null) {
                    throw new NotAWebhook("a messages change has no metadata.phone_number_id");
                }
                for (JsonObject message : objects(value.get("messages"), "value.messages")) {
                    inbound.add(new Inbound(phoneNumberId, required(message, "from"), timestamp(message)));
                }
                for (JsonObject status : objects(value.get("statuses"), "value.statuses")) {
                    JsonObject error = objects(status.get("errors"), "statuses[].errors").stream().findFirst().orElse(null);
                    statuses.add(new Status(phoneNumberId, required(status, "id"), required(status, "recipient_id"), required(status, "status"),
                            timestamp(status), error == null || !(error.get("code") instanceof JsonNumber code) ? null : code.intValue(),
                            error == null ? null : describe(error)));
                }
            }
        }
        return new Events(List.copyOf(inbound), List.copyOf(statuses));
    }

    private static String describe(JsonObject error) {
        String title = string(error, "title");
        String details = error.get("error_data") instanceof JsonObject data ? string(data, "details") : null;
        String text = (title == null ? "error" : title) + (details == null ? "" : ": " + details);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    private static List<JsonObject> objects(JsonValue value, String where) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new NotAWebhook(where + " is not an array");
        }
        List<JsonObject> objects = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonObject object)) {
                throw new NotAWebhook(where + " holds something that is not an object");
            }
            objects.add(object);
        }
        return objects;
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static String required(JsonObject object, String name) {
        String value = string(object, name);
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new NotAWebhook("a message or status has no " + name);
        }
        return value;
    }

    /** Meta's timestamps are Unix seconds, as a string. */
    private static Instant timestamp(JsonObject object) {
        String seconds = required(object, "timestamp");
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | java.time.DateTimeException notSeconds) {
            throw new NotAWebhook("a timestamp is not Unix seconds: " + (seconds.length() > 20 ? seconds.substring(0, 20) : seconds));
        }
    }
}
