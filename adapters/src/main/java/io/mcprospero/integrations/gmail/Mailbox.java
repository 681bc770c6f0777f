package io.mcprospero.integrations.gmail;

import java.util.List;

/** A person's mailbox: search, read one message, send a plain-text message. */
public interface Mailbox {

    List<MailSummary> search(String query, int max);

    Mail read(String messageId);

    /** Sends and answers the sent message's id. */
    String send(OutgoingMail mail);
}
