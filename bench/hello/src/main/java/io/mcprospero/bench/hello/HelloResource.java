package io.mcprospero.bench.hello;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /hello: a small constant JSON object written by JSON-P, like the product's GET /version, so that the two
 * bare GETs cost the server the same apart from what the product adds around every request.
 */
@Path("/hello")
@ApplicationScoped
public class HelloResource {

    private final JsonObject hello = Json.createObjectBuilder()
            .add("name", "hello")
            .add("version", "1")
            .add("greeting", "hello, world")
            .build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject hello() {
        return hello;
    }
}
