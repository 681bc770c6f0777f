package io.mcprospero.integrations.gmail;

import java.util.List;

/** One message with its plain-text body. */
public record Mail(String id, String threadId, String from, List<String> to, String subject, String date, String body) {
}
