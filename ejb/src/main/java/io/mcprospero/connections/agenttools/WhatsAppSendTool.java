package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.whatsapp.WhatsApp;
import io.mcprospero.integrations.whatsapp.WhatsAppCloudApi;
import io.mcprospero.integrations.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * whatsapp_send: a WhatsApp message from the platform's business number to a number the approved version names: free
 * text inside the 24-hour window after the person last wrote, an approved template at any time.
 */
@ApplicationScoped
public class WhatsAppSendTool extends AccountTool {

    protected WhatsAppSendTool() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppSendTool(ConnectedTools tools) {
        super(tools, ToolFamily.WHATSAPP, """
                {"type":"object","properties":{
                  "to":{"type":"string","maxLength":20,"description":"A number in the agent's destinations, with country code: +4915112345678"},
                  "text":{"type":"string","maxLength":4096,"description":"Free text: only within 24 hours of the person's last message to the business number"},
                  "template":{"type":"string","maxLength":512,"description":"Instead of text: the name of an approved template, usable at any time"},
                  "language":{"type":"string","maxLength":15,"description":"The template's language code, e.g. en_US"},
                  "parameters":{"type":"array","items":{"type":"string","maxLength":1024},"maxItems":10,"description":"The template's body parameters, in order"}},
                 "required":["to"]}""");
    }

    @Override
    public String name() {
        return "whatsapp_send";
    }

    @Override
    public String description() {
        return "Sends a WhatsApp message to a number in this agent's destinations: text within 24 hours of the person's last message to the "
                + "business number, else an approved template (template, language, parameters).";
    }

    @Override
    public List<String> sendsTo(AgentSpec spec) {
        return Destinations.of(spec, Destinations.Kind.PHONE).stream().map(number -> "WhatsApp to " + number).toList();
    }

    @Override
    public void check(AgentSpec spec) {
        requireDestinations(spec, Destinations.Kind.PHONE, "\"+4915112345678\"");
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public String call(AgentToolCall call) {
        String to = text(call.input(), "to", 20);
        requireAllowed(call.spec(), Destinations.Kind.PHONE, to);
        String number = Destinations.normalized(to);
        WhatsAppSettings settings = tools.whatsApp().orElseThrow(() -> new AgentToolError("the platform's WhatsApp number is not configured", true));
        WhatsApp whatsApp = new WhatsAppCloudApi(settings);
        String template = call.input().getString("template", null);
        try {
            if (template != null) {
                String id = whatsApp.sendTemplate(number, template, call.input().getString("language", "en_US"), strings(call.input(), "parameters"));
                return "Sent the template " + template + " to " + number + " (message " + id + ").";
            }
            String id = whatsApp.sendText(number, text(call.input(), "text", 4096));
            return "Sent to " + number + " (message " + id + ").";
        } catch (IntegrationFailure failed) {
            throw ConnectedTools.asToolError(failed);
        }
    }
}
