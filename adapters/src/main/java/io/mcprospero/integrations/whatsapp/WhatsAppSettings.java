package io.mcprospero.integrations.whatsapp;

/** The platform's WhatsApp Business number: its phone number id, the system user's access token, the Graph API's address. */
public record WhatsAppSettings(String phoneNumberId, String accessToken, String baseUrl) {

    public static final String STANDARD_BASE = "https://graph.facebook.com/v21.0";

    @Override
    public String toString() {
        return "WhatsAppSettings[phoneNumberId=" + phoneNumberId + ", baseUrl=" + baseUrl + "]";
    }
}
