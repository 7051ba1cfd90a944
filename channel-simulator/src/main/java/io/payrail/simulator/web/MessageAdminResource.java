package io.payrail.simulator.web;

import io.payrail.simulator.message.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What the message gateway was asked to send, for tests (they read payers' one-time codes here);
 * unauthenticated like the rest of {@code /sim/admin}, so the simulator belongs on a loopback or
 * test network only.
 */
@ApplicationScoped
@Path("admin/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageAdminResource {

    @Inject
    MessagesResource gateway;

    /** The messages to {@code to} (everything when absent), newest first. */
    @GET
    public Response sent(@QueryParam("to") String to) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Message m : gateway.box().to(to)) {
            list.add(Json.createObjectBuilder().add("id", m.id()).add("to", m.to()).add("channel", m.channel())
                    .add("purpose", m.purpose()).add("text", m.text()).add("sentAt", m.sentAt().toString()));
        }
        return JsonBodies.ok(Json.createObjectBuilder().add("messages", list).build());
    }

    @DELETE
    public Response clear() {
        gateway.box().clear();
        return Response.noContent().build();
    }
}
