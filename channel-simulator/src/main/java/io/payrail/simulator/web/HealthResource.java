package io.payrail.simulator.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A plain liveness answer for scripts that wait for the simulator to come up. It is only reached
 * once the application (and so its journal replay) has started.
 */
@ApplicationScoped
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @GET
    public Response health() {
        return JsonBodies.ok(Json.createObjectBuilder().add("status", "UP").build());
    }
}
