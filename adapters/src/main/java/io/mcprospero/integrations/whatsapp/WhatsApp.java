package io.mcprospero.integrations.whatsapp;

import java.util.List;

/**
 * Sending WhatsApp messages from the platform's business number: free text only inside the 24-hour window after the
 * recipient last wrote, an approved template at any time.
 */
public interface WhatsApp {

    /** Answers the message id ({@code wamid.…}). */
    String sendText(String to, String text);

    String sendTemplate(String to, String template, String language, List<String> parameters);
}
