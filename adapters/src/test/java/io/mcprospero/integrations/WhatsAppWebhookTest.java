package io.mcprospero.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.integrations.whatsapp.WhatsAppWebhook;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Meta's webhook payloads for a WhatsApp Business Account, in the shapes its documentation shows, and their signature. */
class WhatsAppWebhookTest {

    /** An inbound text message, as Meta's "messages" webhook reference shows it. */
    static final String INBOUND = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],
              "messages":[{"from":"16505551234","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
                "timestamp":"1749416383","type":"text","text":{"body":"Does it come in another color?"}}]},
              "field":"messages"}]}]}""";

    /** A status update of a message that failed outside the window (error 131047). */
    static final String FAILED = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "statuses":[{"id":"wamid.HBgL1","status":"failed","timestamp":"1750263773","recipient_id":"16505551234",
                "errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message",
                  "error_data":{"details":"Message failed to send because more than 24 hours have passed since the customer last replied to this number."}}]}]},
              "field":"messages"}]}]}""";

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void anInboundMessageSaysWhoWroteToWhichNumberAndWhen() {
        WhatsAppWebhook.Events events = WhatsAppWebhook.read(json(INBOUND));

        assertThat(events.statuses()).isEmpty();
        assertThat(events.inbound()).containsExactly(new WhatsAppWebhook.Inbound("106540352242922", "16505551234", Instant.ofEpochSecond(1749416383)));
    }

    @Test
    void aFailedStatusCarriesMetasErrorCodeAndWhy() {
        WhatsAppWebhook.Status status = WhatsAppWebhook.read(json(FAILED)).statuses().get(0);

        assertThat(status.failed()).isTrue();
        assertThat(status.messageId()).isEqualTo("wamid.HBgL1");
        assertThat(status.recipient()).isEqualTo("16505551234");
        assertThat(status.errorCode()).isEqualTo(131047);
        assertThat(status.error()).startsWith("Re-engagement message: Message failed to send because more than 24 hours");
    }

    @Test
    void otherFieldsAreSkippedAndOtherObjectsRefused() {
        assertThat(WhatsAppWebhook.read(json("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":["
                + "{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\"}}]}]}")).size()).isZero();
        assertThatThrownBy(() -> WhatsAppWebhook.read(json("{\"object\":\"page\",\"entry\":[]}")))
                .isInstanceOf(WhatsAppWebhook.NotAWebhook.class).hasMessageContaining("whatsapp_business_account");
        assertThatThrownBy(() -> WhatsAppWebhook.read(json(INBOUND.replace("\"1749416383\"", "\"yesterday\""))))
                .isInstanceOf(WhatsAppWebhook.NotAWebhook.class).hasMessageContaining("Unix seconds");
        assertThatThrownBy(() -> WhatsAppWebhook.read(json(INBOUND.replace("\"phone_number_id\":\"106540352242922\"", "\"x\":1"))))
                .isInstanceOf(WhatsAppWebhook.NotAWebhook.class).hasMessageContaining("phone_number_id");
    }

    @Test
    void onlyTheAppSecretsSignatureOfTheExactBytesIsAccepted() {
        byte[] body = INBOUND.getBytes(StandardCharsets.UTF_8);
        String signature = WhatsAppWebhook.signature(body, "app-secret-1");

        assertThat(signature).matches("sha256=[0-9a-f]{64}");
        assertThat(WhatsAppWebhook.signed(body, signature, "app-secret-1")).isTrue();
        assertThat(WhatsAppWebhook.signed(body, signature.toUpperCase(), "app-secret-1")).as("hex and the scheme in any case").isTrue();
        assertThat(WhatsAppWebhook.signed(body, signature, "app-secret-2")).isFalse();
        assertThat(WhatsAppWebhook.signed((INBOUND + " ").getBytes(StandardCharsets.UTF_8), signature, "app-secret-1")).isFalse();
        assertThat(WhatsAppWebhook.signed(body, null, "app-secret-1")).isFalse();
        assertThat(WhatsAppWebhook.signed(body, "sha1=" + signature.substring(7), "app-secret-1")).isFalse();
        assertThat(WhatsAppWebhook.signed(body, "sha256=zz", "app-secret-1")).isFalse();
        assertThat(WhatsAppWebhook.signed(body, signature, "")).as("no secret, nothing is signed").isFalse();
    }
}
