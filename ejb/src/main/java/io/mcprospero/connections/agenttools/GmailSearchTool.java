package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.integrations.gmail.MailSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** gmail_search: messages of the connected mailbox matching a Gmail search. */
@ApplicationScoped
public class GmailSearchTool extends AccountTool {

    protected GmailSearchTool() {
        // for the CDI proxy
    }

    @Inject
    public GmailSearchTool(ConnectedTools tools) {
        super(tools, ToolFamily.GMAIL, """
                {"type":"object","properties":{
                  "query":{"type":"string","maxLength":500,"description":"Gmail search, e.g. \\"in:inbox newer_than:1d\\" or \\"from:boss@example.com is:unread\\""},
                  "max_results":{"type":"integer","minimum":1,"maximum":25,"description":"At most this many messages (default 10)"}},
                 "required":["query"]}""");
    }

    @Override
    public String name() {
        return "gmail_search";
    }

    @Override
    public String description() {
        return "Searches the connected Gmail mailbox (Gmail search syntax) and lists the messages found: id, sender, subject, date and a "
                + "snippet. Read a message in full with gmail_read.";
    }

    @Override
    public List<String> reads(AgentSpec spec) {
        return List.of("the connected Gmail mailbox (search and read messages)");
    }

    @Override
    public String call(AgentToolCall call) {
        String query = text(call.input(), "query", 500);
        int max = number(call.input(), "max_results", 10, 25);
        String base = tools.baseUrl(family());
        List<MailSummary> found = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).gmail(base, token).search(query, max));
        if (found.isEmpty()) {
            return "No message matches \"" + query + "\".";
        }
        StringBuilder text = new StringBuilder(found.size() + " messages match \"" + query + "\".\n" + UNTRUSTED);
        for (MailSummary mail : found) {
            text.append("- id ").append(mail.id()).append(" | from ").append(mail.from()).append(" | subject ").append(mail.subject())
                    .append(" | ").append(mail.date()).append(" | ").append(mail.snippet()).append('\n');
        }
        return text.toString();
    }
}
