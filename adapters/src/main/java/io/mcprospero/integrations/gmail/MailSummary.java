package io.mcprospero.integrations.gmail;

/** One message found by a search: enough to decide whether to read it. */
public record MailSummary(String id, String threadId, String from, String subject, String date, String snippet) {
}
