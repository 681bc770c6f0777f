package io.mcprospero.web.agents;

import io.mcprospero.agents.Webhooks;
import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.NotFound;
import io.mcprospero.web.errors.ErrorAnswers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** POST /hooks/{agent}/{secret}: starts a run of the agent with the body (at most 64 KB) as its input. */
@Path("/hooks/{agent}/{secret}")
@RequestScoped
public class WebhookResource {

    static final int MAX_BODY = 64 * 1024;

    private Webhooks webhooks;

    protected WebhookResource() {
        // for the CDI proxy
    }

    @Inject
    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response call(@PathParam("agent") String agent, @PathParam("secret") String secret, InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            return ErrorAnswers.of(413, "payload_too_large", "the body is larger than " + MAX_BODY / 1024 + " KB");
        }
        try {
            String runId = webhooks.start(agent, secret, new String(bytes, StandardCharsets.UTF_8));
            return Response.status(202).entity(Json.createObjectBuilder().add("run_id", runId).build().toString()).build();
        } catch (NotFound unknown) {
            return ErrorAnswers.of(404, "not_found", "no such webhook");
        } catch (Conflict paused) {
            return ErrorAnswers.of(409, "not_running", paused.getMessage());
        } catch (Webhooks.TooMany flood) {
            return ErrorAnswers.builder(429, "rate_limited", flood.getMessage()).header("Retry-After", "60").build();
        }
    }
}
