package io.mcprospero.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /hello, as in the bare baseline. */
@Path("/hello")
@ApplicationScoped
public class HelloResource {

    private final JsonObject hello = Json.createObjectBuilder().add("name", "floor").add("version", "1").build();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject hello() {
        return hello;
    }
}
