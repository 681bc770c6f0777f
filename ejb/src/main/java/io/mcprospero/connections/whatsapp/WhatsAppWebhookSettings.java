package io.mcprospero.connections.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meta's webhook for the platform's number: the app secret that signs every POST (and keys the digests of numbers) and
 * the verify token of the subscription handshake. Without the app secret the webhook is off, and the 24-hour window is
 * only learnt from Meta's refusal of a send.
 */
@ApplicationScoped
public class WhatsAppWebhookSettings {

    private Optional<String> appSecret;
    private Optional<String> verifyToken;
    private Optional<String> phoneNumberId;

    protected WhatsAppWebhookSettings() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppWebhookSettings(@ConfigProperty(name = "mcprospero.tools.whatsapp.app-secret") Optional<String> appSecret,
                                   @ConfigProperty(name = "mcprospero.tools.whatsapp.verify-token") Optional<String> verifyToken,
                                   @ConfigProperty(name = "mcprospero.tools.whatsapp.phone-number-id") Optional<String> phoneNumberId) {
        this.appSecret = appSecret.map(String::strip).filter(v -> !v.isEmpty());
        this.verifyToken = verifyToken.map(String::strip).filter(v -> !v.isEmpty());
        this.phoneNumberId = phoneNumberId.map(String::strip).filter(v -> !v.isEmpty());
    }

    public Optional<String> appSecret() {
        return appSecret;
    }

    public Optional<String> verifyToken() {
        return verifyToken;
    }

    /** Whether an event is about the platform's own number (one Meta app can serve several). */
    public boolean ours(String eventPhoneNumberId) {
        return phoneNumberId.map(id -> id.equals(eventPhoneNumberId)).orElse(false);
    }
}
