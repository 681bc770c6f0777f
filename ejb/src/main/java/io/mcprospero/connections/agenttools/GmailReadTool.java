package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.integrations.gmail.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** gmail_read: one message of the connected mailbox, with its text. */
@ApplicationScoped
public class GmailReadTool extends AccountTool {

    protected GmailReadTool() {
        // for the CDI proxy
    }

    @Inject
    public GmailReadTool(ConnectedTools tools) {
        super(tools, ToolFamily.GMAIL, """
                {"type":"object","properties":{
                  "message_id":{"type":"string","maxLength":100,"description":"The id gmail_search gave"}},
                 "required":["message_id"]}""");
    }

    @Override
    public String name() {
        return "gmail_read";
    }

    @Override
    public String description() {
        return "Reads one message of the connected Gmail mailbox by its id (from gmail_search): sender, recipients, subject, date and text.";
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return List.of("the connected Gmail mailbox (search and read messages)");
    }

    @Override
    public String call(AgentToolCall call) {
        String id = text(call.input(), "message_id", 100);
        String base = tools.baseUrl(family());
        Mail mail = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).gmail(base, token).read(id));
        return UNTRUSTED + "From: " + mail.from() + "\nTo: " + String.join(", ", mail.to()) + "\nSubject: " + mail.subject() + "\nDate: "
                + mail.date() + "\n\n" + mail.body();
    }
}
