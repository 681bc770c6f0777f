package io.mcprospero.web.connections;

import io.mcprospero.connections.whatsapp.WhatsAppDeliveries;
import io.mcprospero.connections.whatsapp.WhatsAppWebhookSettings;
import io.mcprospero.connections.whatsapp.WhatsAppWindows;
import io.mcprospero.integrations.whatsapp.WhatsAppWebhook;
import io.mcprospero.support.Hashes;
import io.mcprospero.support.Jsons;
import io.mcprospero.web.errors.ErrorAnswers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Logger;

/**
 * Meta's webhook for the platform's WhatsApp number: {@code GET} answers the subscription handshake (the verify
 * token), {@code POST} takes the messages people sent to the number and the status updates of the messages it sent,
 * signed with the app secret. Off (404) until {@code mcprospero.tools.whatsapp.app-secret} is set. The signature is
 * checked on the raw bytes before anything is parsed, so only Meta's payloads are read.
 */
@Path("/hooks/whatsapp")
@RequestScoped
public class WhatsAppWebhookResource {

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class.getName());
    /** Meta batches up to 1,000 updates a delivery; a few hundred bytes each. */
    static final int MAX_BODY = 1024 * 1024;

    private WhatsAppWebhookSettings settings;
    private WhatsAppWindows windows;
    private WhatsAppDeliveries deliveries;

    protected WhatsAppWebhookResource() {
        // for the CDI proxy
    }

    @Inject
    public WhatsAppWebhookResource(WhatsAppWebhookSettings settings, WhatsAppWindows windows, WhatsAppDeliveries deliveries) {
        this.settings = settings;
        this.windows = windows;
        this.deliveries = deliveries;
    }

    @GET
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        if (settings.appSecret().isEmpty() || settings.verifyToken().isEmpty()) {
            return off();
        }
        if (!"subscribe".equals(mode) || challenge == null || challenge.isEmpty() || challenge.length() > 200
                || !Hashes.constantTimeEquals(token == null ? "" : token, settings.verifyToken().get())) {
            return ErrorAnswers.of(403, "verification_failed", "hub.mode must be subscribe, hub.verify_token the platform's verify token "
                    + "(mcprospero.tools.whatsapp.verify-token) and hub.challenge present");
        }
        // the challenge goes back as plain text, exactly as sent: Meta compares it
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam("X-Hub-Signature-256") String signature, InputStream body) throws IOException {
        if (settings.appSecret().isEmpty()) {
            body.transferTo(OutputStream.nullOutputStream());
            return off();
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            body.transferTo(OutputStream.nullOutputStream());
            return ErrorAnswers.of(413, "payload_too_large", "the body is larger than " + MAX_BODY / 1024 + " KB");
        }
        if (!WhatsAppWebhook.signed(bytes, signature, settings.appSecret().get())) {
            LOG.warning("a WhatsApp webhook delivery was refused: " + (signature == null ? "no X-Hub-Signature-256" : "its signature is not the app secret's"));
            return ErrorAnswers.of(401, "invalid_signature", "X-Hub-Signature-256 must be sha256= and the HMAC-SHA256 of the body under the app secret");
        }
        WhatsAppWebhook.Events events;
        try (var reader = Jsons.reader(new ByteArrayInputStream(bytes))) {
            events = WhatsAppWebhook.read(reader.readObject());
        } catch (JsonException | IllegalStateException | ClassCastException notJson) {
            return ErrorAnswers.of(400, "invalid_request", "the body is not a JSON object");
        } catch (WhatsAppWebhook.NotAWebhook wrong) {
            return ErrorAnswers.of(400, "invalid_request", wrong.getMessage());
        }
        try {
            int noted = windows.received(events.inbound()) + deliveries.updated(events.statuses());
            JsonObject answer = Jsons.object().add("received", events.size()).add("noted", noted).build();
            return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (RuntimeException raced) {
            // two deliveries raced to note the same new sender, or the database is away: Meta delivers again later
            LOG.warning("a WhatsApp webhook delivery was not noted (" + raced.getClass().getSimpleName() + "); Meta will deliver it again");
            return ErrorAnswers.builder(503, "temporarily_unavailable", "the delivery was not noted; deliver it again").header("Retry-After", "5").build();
        }
    }

    private static Response off() {
        return ErrorAnswers.of(404, "not_found", "the WhatsApp webhook is not configured on this platform (mcprospero.tools.whatsapp.app-secret)");
    }
}
