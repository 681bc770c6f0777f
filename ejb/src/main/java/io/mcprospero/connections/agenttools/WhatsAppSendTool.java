package io.mcprospero.connections.agenttools;

import io.mcprospero.agents.AgentSpec;
import io.mcprospero.agents.Destinations;
import io.mcprospero.agents.toolbox.AgentToolCall;
import io.mcprospero.agents.toolbox.AgentToolError;
import io.mcprospero.connections.whatsapp.WhatsAppDeliveries;
import io.mcprospero.connections.whatsapp.WhatsAppWindows;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.whatsapp.WhatsApp;
import io.mcprospero.integrations.whatsapp.WhatsAppCloudApi;
import io.mcprospero.integrations.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * whatsapp_send: a WhatsApp message from the platform's business number to a number the approved version names: free
 * text inside the 24-hour window after the person last wrote, an approved template at any time.
 */
@ApplicationScoped
public class WhatsAppSendTool extends AccountTool {

    private static final Logger LOG = Logger.getLogger(WhatsAppSendTool.class.getName());

    private WhatsAppWindows windows;
    private WhatsAppDeliveries deliveries;

    protected WhatsAppSendTool() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppSendTool(ConnectedTools tools, WhatsAppWindows windows, WhatsAppDeliveries deliveries) {
        super(tools, ToolFamily.WHATSAPP, """
                {"type":"object","properties":{
                  "to":{"type":"string","maxLength":20,"description":"A number in the agent's destinations, with country code: +4915112345678"},
                  "text":{"type":"string","maxLength":4096,"description":"Free text: only within 24 hours of the person's last message to the business number"},
                  "template":{"type":"string","maxLength":512,"description":"Instead of text: the name of an approved template, usable at any time"},
                  "language":{"type":"string","maxLength":15,"description":"The template's language code, e.g. en_US"},
                  "parameters":{"type":"array","items":{"type":"string","maxLength":1024},"maxItems":10,"description":"The template's body parameters, in order"}},
                 "required":["to"]}""");
        this.windows = windows;
        this.deliveries = deliveries;
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
                accepted(call, id);
                return "Sent the template " + template + " to " + number + " (message " + id + ").";
            }
            String text = text(call.input(), "text", 4096);
            requireOpenWindow(number);
            String id = whatsApp.sendText(number, text);
            accepted(call, id);
            return "Sent to " + number + " (message " + id + ").";
        } catch (WhatsAppCloudApi.OutsideWindow outside) {
            forgetWindow(call, number);
            throw ConnectedTools.asToolError(outside);
        } catch (IntegrationFailure failed) {
            throw ConnectedTools.asToolError(failed);
        }
    }

    /** Where the platform hears Meta's webhook it knows the window, and free text that could not arrive is not sent. */
    private void requireOpenWindow(String number) {
        if (windows.known() && windows.lastWrote(number).isEmpty()) {
            throw new AgentToolError("free text cannot reach " + number + ": they have not written to the business number in the last 24 hours, "
                    + "and WhatsApp delivers free text only within 24 hours of the person's last message; send an approved template instead "
                    + "(whatsapp_send with template, language and parameters), or ask them to write to the number first");
        }
    }

    /** Meta says the window is closed, whatever the platform believed; the model hears Meta's refusal either way. */
    private void forgetWindow(AgentToolCall call, String number) {
        try {
            windows.closed(number);
        } catch (RuntimeException notForgotten) {
            LOG.warning(() -> "run " + call.runId() + ": a closed WhatsApp window was not noted: " + notForgotten.getClass().getSimpleName());
        }
    }

    /** Meta reports later what became of the message (get_run shows it); a failure to note it must not undo the send. */
    private void accepted(AgentToolCall call, String messageId) {
        try {
            deliveries.accepted(call.orgId(), call.runId(), messageId);
        } catch (RuntimeException notNoted) {
            LOG.warning(() -> "a sent WhatsApp message of run " + call.runId() + " was not noted for its delivery reports: "
                    + notNoted.getClass().getSimpleName());
        }
    }
}
