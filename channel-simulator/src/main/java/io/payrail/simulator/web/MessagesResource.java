package io.payrail.simulator.web;

import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.card.SignedRequests;
import io.payrail.simulator.crypto.Pem;
import io.payrail.simulator.message.Message;
import io.payrail.simulator.message.MessageBox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The message gateway (PROTOCOL.md, "Message gateway"): {@code POST /sim/messages/v1/messages},
 * signed by the platform like a CARDGW request under the scheme {@value #SCHEME} and checked with
 * the platform's public key ({@code simulator.messages.platformPublicKey}, else
 * {@code simulator.platformPublicKey}; without one unsigned requests are taken and the answer says
 * so). Tests read what was sent at {@code GET /sim/admin/messages?to=...} ({@link MessageAdminResource}). A message's text is
 * never logged: it carries a one-time code.
 */
@ApplicationScoped
@Path("messages/v1")
public class MessagesResource {

    public static final String SCHEME = "PAYRAIL-MSG-RSA-SHA256";

    private static final Logger LOG = Logger.getLogger(MessagesResource.class.getName());

    @Inject
    Config config;

    private MessageBox box;
    private SignedRequests signedRequests;
    private Optional<PublicKey> platformKey;

    @PostConstruct
    void start() {
        Clock clock = Clock.systemUTC();
        box = new MessageBox(clock);
        signedRequests = new SignedRequests(SCHEME, clock, Duration.ofSeconds(config.getOptionalValue(
                "simulator.signatureMaxSkewSeconds", Long.class).orElse(300L)));
        Optional<String> file = config.getOptionalValue("simulator.messages.platformPublicKey", String.class)
                .or(() -> config.getOptionalValue("simulator.platformPublicKey", String.class));
        platformKey = file.map(f -> {
            try {
                return Pem.publicKey(Files.readString(java.nio.file.Path.of(f), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the platform public key " + f + " for the message gateway", e);
            }
        });
        LOG.info(() -> "message gateway: requests " + file.map(f -> "verified with the platform key in " + f)
                .orElse("NOT verified (no platform public key configured)"));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(byte[] body, @HeaderParam("Authorization") String authorization, @Context UriInfo uri) {
        String check = "skipped; no platform public key configured for the message gateway";
        if (platformKey.isPresent()) {
            try {
                signedRequests.verify(platformKey.get(), "POST", Replies.pathAndQuery(uri), authorization, body);
            } catch (ChannelException e) {
                return JsonBodies.error(401, "SIGNATURE_INVALID", e.getMessage()
                        + "; sign the request with the platform key (PROTOCOL.md, Message gateway)");
            }
            check = "verified";
        }
        JsonObject json;
        try {
            json = Json.createReader(new ByteArrayInputStream(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", "the body must be a JSON object with to, channel,"
                    + " purpose and text");
        }
        Message message;
        try {
            message = box.send(string(json, "to"), string(json, "channel"), string(json, "purpose"),
                    string(json, "text"));
        } catch (IllegalArgumentException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        }
        return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE).header("Sim-Signature-Check", check)
                .entity(Json.createObjectBuilder().add("id", message.id()).add("status", "SENT").build()).build();
    }

    /** What the platform sent (MessageAdminResource). */
    MessageBox box() {
        return box;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
