package io.mcprospero.web.errors;

import io.mcprospero.support.Jsons;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON error answer of the endpoints that machines call ({@code error}, {@code error_description}, as OAuth's). */
public final class ErrorAnswers {

    private ErrorAnswers() {
    }

    public static Response of(int status, String error, String description) {
        return builder(status, error, description).build();
    }

    public static Response.ResponseBuilder builder(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Jsons.object().add("error", error).add("error_description", description).build().toString());
    }
}
