package io.mcprospero.it.support;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta in the role of the webhook's sender: payloads of the WhatsApp Business Account {@code messages} field in the
 * shapes of Meta's reference, signed as Meta signs them (HMAC-SHA256 of the raw body under the app secret), computed
 * here independently of the server's code.
 */
public final class MetaWebhooks {

    public static final String APP_SECRET = "5f1c0e7d9a3b4e2f8c6d0a1b2c3d4e5f";
    public static final String VERIFY_TOKEN = "mcprospero-verify-7Q";

    private MetaWebhooks() {
    }

    /** Someone wrote to the business number {@code phoneNumberId} from {@code from} (digits, no plus) at {@code at}. */
    public static String inbound(String phoneNumberId, String from, Instant at) {
        return envelope(phoneNumberId, "\"contacts\":[{\"profile\":{\"name\":\"Kim\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\""
                + from + "\",\"id\":\"wamid.in-" + at.getEpochSecond() + "\",\"timestamp\":\"" + at.getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Hi, any news on my order?\"}}]");
    }

    /** A status update (sent, delivered, read) of a message the business number sent. */
    public static String status(String phoneNumberId, String messageId, String recipient, String status, Instant at) {
        return envelope(phoneNumberId, "\"statuses\":[{\"id\":\"" + messageId + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + at.getEpochSecond() + "\",\"recipient_id\":\"" + recipient + "\"}]");
    }

    /** A message that failed outside the 24-hour window (131047), as Meta reports it after having accepted it. */
    public static String failedOutsideWindow(String phoneNumberId, String messageId, String recipient, Instant at) {
        return envelope(phoneNumberId, "\"statuses\":[{\"id\":\"" + messageId + "\",\"status\":\"failed\",\"timestamp\":\"" + at.getEpochSecond()
                + "\",\"recipient_id\":\"" + recipient + "\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\","
                + "\"message\":\"Re-engagement message\",\"error_data\":{\"details\":\"Message failed to send because more than 24 hours "
                + "have passed since the customer last replied to this number.\"}}]}]");
    }

    private static String envelope(String phoneNumberId, String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\""
                + phoneNumberId + "\"}," + value + "},\"field\":\"messages\"}]}]}";
    }

    public static String signature(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers the payload as Meta does: signed with the app secret. */
    public static HttpResponse<String> deliver(ServerUnderTest server, String body) {
        return Http.postJson(server.baseUrl() + "/hooks/whatsapp", body, "X-Hub-Signature-256", signature(body, APP_SECRET));
    }
}
