package io.mcprospero.integrations.sdk;

import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.gmail.Mail;
import io.mcprospero.integrations.gmail.MailSummary;
import io.mcprospero.integrations.gmail.Mailbox;
import io.mcprospero.integrations.gmail.OutgoingMail;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The mailbox through the Gmail API (Google's client library), as the signed-in user ({@code me}). */
public final class GmailMailbox implements Mailbox {

    static final String STANDARD_ROOT = "https://gmail.googleapis.com/";
    private static final String API = "Gmail";
    private static final String ME = "me";
    static final int MAX_BODY = 20_000;

    private final Gmail gmail;

    private GmailMailbox(Gmail gmail) {
        this.gmail = gmail;
    }

    /** With {@code baseUrl} null, Google's own address. */
    public static Mailbox of(String baseUrl, String accessToken) {
        return new GmailMailbox(new Gmail.Builder(GoogleApis.TRANSPORT, GoogleApis.JSON, GoogleApis.bearer(accessToken))
                .setRootUrl(GoogleApis.root(baseUrl, STANDARD_ROOT))
                .setApplicationName(GoogleApis.APPLICATION)
                .build());
    }

    @Override
    public List<MailSummary> search(String query, int max) {
        ListMessagesResponse found = GoogleApis.call(API, () -> gmail.users().messages().list(ME).setQ(query)
                .setMaxResults((long) max).execute());
        List<MailSummary> summaries = new ArrayList<>();
        if (found.getMessages() == null) {
            return summaries;
        }
        for (Message ref : found.getMessages()) {
            Message message = GoogleApis.call(API, () -> gmail.users().messages().get(ME, ref.getId()).setFormat("metadata")
                    .setMetadataHeaders(List.of("From", "Subject", "Date")).execute());
            MessagePart payload = message.getPayload();
            summaries.add(new MailSummary(message.getId(), message.getThreadId(), header(payload, "From"), header(payload, "Subject"),
                    header(payload, "Date"), message.getSnippet()));
        }
        return summaries;
    }

    @Override
    public Mail read(String messageId) {
        Message message = GoogleApis.call(API, () -> gmail.users().messages().get(ME, messageId).setFormat("full").execute());
        MessagePart payload = message.getPayload();
        String to = header(payload, "To");
        String body = text(payload);
        if (body == null) {
            body = message.getSnippet() == null ? "" : message.getSnippet();
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY) + "\n[... cut at " + MAX_BODY + " characters]";
        }
        return new Mail(message.getId(), message.getThreadId(), header(payload, "From"),
                to == null ? List.of() : Arrays.stream(to.split(",")).map(String::strip).toList(), header(payload, "Subject"),
                header(payload, "Date"), body);
    }

    @Override
    public String send(OutgoingMail mail) {
        Message raw = new Message().setRaw(Base64.getUrlEncoder().withoutPadding().encodeToString(rfc5322(mail)));
        Message sent = GoogleApis.call(API, () -> gmail.users().messages().send(ME, raw).execute());
        return sent.getId();
    }

    /** The message as Gmail takes it: headers that refuse line breaks (no header injection), a base64 UTF-8 body. */
    static byte[] rfc5322(OutgoingMail mail) {
        StringBuilder message = new StringBuilder();
        message.append("To: ").append(addresses(mail.to())).append("\r\n");
        if (mail.cc() != null && !mail.cc().isEmpty()) {
            message.append("Cc: ").append(addresses(mail.cc())).append("\r\n");
        }
        message.append("Subject: =?UTF-8?B?").append(Base64.getEncoder().encodeToString(singleLine(mail.subject()).getBytes(StandardCharsets.UTF_8)))
                .append("?=\r\n");
        message.append("MIME-Version: 1.0\r\n");
        message.append("Content-Type: text/plain; charset=UTF-8\r\n");
        message.append("Content-Transfer-Encoding: base64\r\n\r\n");
        message.append(Base64.getMimeEncoder().encodeToString(mail.body().getBytes(StandardCharsets.UTF_8))).append("\r\n");
        return message.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String addresses(List<String> addresses) {
        return String.join(", ", addresses.stream().map(GmailMailbox::singleLine).toList());
    }

    private static String singleLine(String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IntegrationFailure(IntegrationFailure.Kind.REFUSED, "addresses and subjects are one line each");
        }
        return value;
    }

    private static String header(MessagePart payload, String name) {
        if (payload == null || payload.getHeaders() == null) {
            return null;
        }
        return payload.getHeaders().stream().filter(h -> name.equalsIgnoreCase(h.getName())).map(MessagePartHeader::getValue)
                .findFirst().orElse(null);
    }

    /** The first text/plain part, depth first; else the first text/html part with its tags dropped. */
    private static String text(MessagePart part) {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? null : html.replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
    }

    private static String find(MessagePart part, String mimeType) {
        if (part == null) {
            return null;
        }
        String type = part.getMimeType() == null ? "" : part.getMimeType().toLowerCase(Locale.ROOT);
        if (type.equals(mimeType) && part.getBody() != null && part.getBody().getData() != null) {
            return new String(Base64.getUrlDecoder().decode(part.getBody().getData()), StandardCharsets.UTF_8);
        }
        if (part.getParts() != null) {
            for (MessagePart child : part.getParts()) {
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
