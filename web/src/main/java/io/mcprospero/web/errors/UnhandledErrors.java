package io.mcprospero.web.errors;

import io.mcprospero.support.Jsons;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: any exception no other mapper claimed. HTTP errors keep their status with a short
 * message; anything else is logged with its stack trace and answered with a plain 500, never the trace.
 */
@Provider
public class UnhandledErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnhandledErrors.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof WebApplicationException http) {
            return httpError(http);
        }
        LOG.log(Level.SEVERE, "unhandled failure", failure);
        return json(500, "server_error", "the server failed to answer this request; nothing was changed");
    }

    /** An HTTP error raised by JAX-RS itself (405, 406, 415, ...), with its status and a short message. */
    public static Response httpError(WebApplicationException http) {
        int status = http.getResponse().getStatus();
        return json(status, status == 415 ? "unsupported_media_type" : status == 405 ? "method_not_allowed" : "request_error",
                status == 415 ? "unsupported Content-Type for this endpoint"
                        : status == 405 ? "this method is not supported here" : "the request cannot be served as sent");
    }

    private static Response json(int status, String code, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Jsons.object().add("error", code).add("error_description", description).build())
                .build();
    }
}
