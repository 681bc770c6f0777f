package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.integrations.providers.IntegrationSdks;
import io.mcprospero.libraries.ProviderLibraries;
import io.mcprospero.integrations.gmail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** gmail_send: a plain-text email from the connected account, only to addresses the approved version names. */
@ApplicationScoped
public class GmailSendTool extends AccountTool {

    protected GmailSendTool() {
        // for the CDI proxy
    }

    @Inject
    public GmailSendTool(ConnectedTools tools) {
        super(tools, ToolFamily.GMAIL, """
                {"type":"object","properties":{
                  "to":{"type":"array","items":{"type":"string","maxLength":320},"minItems":1,"maxItems":10,"description":"Recipients: only addresses in the agent's destinations"},
                  "cc":{"type":"array","items":{"type":"string","maxLength":320},"maxItems":10},
                  "subject":{"type":"string","maxLength":300},
                  "body":{"type":"string","maxLength":50000,"description":"Plain text"}},
                 "required":["to","subject","body"]}""");
    }

    @Override
    public String name() {
        return "gmail_send";
    }

    @Override
    public String description() {
        return "Sends a plain-text email from the connected Gmail account. Only to the email addresses in this agent's destinations; any "
                + "other recipient is refused and nothing is sent.";
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        return Destinations.of(spec, Destinations.Kind.EMAIL).stream().map(email -> "email to " + email).toList();
    }

    @Override
    public void check(AgentSpec spec) {
        requireDestinations(spec, Destinations.Kind.EMAIL, "\"me@example.com\"");
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public String call(AgentToolCall call) {
        List<String> to = strings(call.input(), "to");
        List<String> cc = strings(call.input(), "cc");
        if (to.isEmpty()) {
            throw new AgentToolError("to needs at least one recipient");
        }
        List<String> everyone = new ArrayList<>(to);
        everyone.addAll(cc);
        everyone.forEach(address -> requireAllowed(call.spec(), Destinations.Kind.EMAIL, address));
        OutgoingMail mail = new OutgoingMail(to, cc, text(call.input(), "subject", 300), text(call.input(), "body", 50_000));
        String base = tools.baseUrl(family());
        String id = tools.call(family(), call.orgId(), token -> ProviderLibraries.load(IntegrationSdks.class).gmail(base, token).send(mail));
        return "Sent to " + String.join(", ", everyone) + " (message " + id + ").";
    }
}
