package io.mcprospero.web.errors;

import io.mcprospero.failure.Conflict;
import io.mcprospero.failure.DomainException;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotAuthorized;
import io.mcprospero.failure.NotFound;
import io.mcprospero.support.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The domain's refusals on the REST boundary (the admin API): a status and the message, which already says
 * what was wrong and what to do. Bad input is 400, not allowed 403, unknown 404, a clash with the state 409.
 */
@Provider
public class DomainErrors implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException refusal) {
        int status;
        String code;
        if (refusal instanceof InvalidInput) {
            status = 400;
            code = "invalid_request";
        } else if (refusal instanceof NotAuthorized) {
            status = 403;
            code = "forbidden";
        } else if (refusal instanceof NotFound) {
            status = 404;
            code = "not_found";
        } else if (refusal instanceof Conflict) {
            status = 409;
            code = "conflict";
        } else {
            status = 422;
            code = "refused";
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(Jsons.object().add("error", code).add("error_description", refusal.getMessage()).build())
                .build();
    }
}
