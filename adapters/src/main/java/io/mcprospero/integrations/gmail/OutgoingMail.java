package io.mcprospero.integrations.gmail;

import java.util.List;

/** A plain-text message to send. */
public record OutgoingMail(List<String> to, List<String> cc, String subject, String body) {
}
