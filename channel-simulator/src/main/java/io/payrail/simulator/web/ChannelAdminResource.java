package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelId;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.ChannelSettings;
import io.payrail.simulator.channel.FaultSettings;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.crypto.Pem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The simulator's controls for CARDGW, QUICKPAY and WALLET (SIMBANK keeps {@code /sim/admin/...}):
 * keys, settings, failure injection, the record of what each channel charged, refunded and called
 * back, the payer's clicks and QUICKPAY's SMS codes. Not part of any channel's protocol;
 * unauthenticated, so the simulator belongs on a loopback or test network only. {@code {channel}} is
 * {@code cardgw}, {@code quickpay} or {@code wallet} (any case).
 */
@ApplicationScoped
@Path("admin/channels")
public class ChannelAdminResource {

    @Inject
    ChannelRuntime runtime;

    @GET
    public Response list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ChannelId id : ChannelId.values()) {
            list.add(AdminJson.summary(runtime.channel(id)));
        }
        return ok(Json.createObjectBuilder().add("channels", list).build());
    }

    /** Every channel's failure plan and settings back to the start-up values; records kept unless asked. */
    @POST
    @Path("reset")
    public Response resetAll(@QueryParam("records") boolean records) {
        for (ChannelId id : ChannelId.values()) {
            reset(runtime.channel(id), records);
        }
        return ok(Json.createObjectBuilder().add("channels", ChannelId.values().length)
                .add("recordsCleared", records).build());
    }

    @GET
    @Path("{channel}")
    public Response summary(@PathParam("channel") String channel) {
        return with(channel, c -> ok(AdminJson.summary(c)));
    }

    @GET
    @Path("{channel}/public-key")
    public Response publicKey(@PathParam("channel") String channel) {
        return with(channel, c -> Response.ok(c.keys().publicKeyPem(), "application/x-pem-file")
                .header("Content-Disposition", "inline; filename=\"" + c.id().path() + "-public-key.pem\"").build());
    }

    /** Sets the platform's public key (PEM: PUBLIC KEY or CERTIFICATE) used to verify requests. */
    @PUT
    @Path("{channel}/platform-key")
    public Response setPlatformKey(@PathParam("channel") String channel, byte[] pem) {
        return with(channel, c -> {
            try {
                c.platformKey().set(Pem.publicKey(new String(pem, StandardCharsets.US_ASCII)), "admin API");
            } catch (IllegalArgumentException e) {
                return error(400, "INVALID_REQUEST", "not a PEM public key or certificate: " + e.getMessage());
            }
            return ok(AdminJson.summary(c));
        });
    }

    /** Forgets the platform's key: requests are accepted unsigned again. */
    @DELETE
    @Path("{channel}/platform-key")
    public Response clearPlatformKey(@PathParam("channel") String channel) {
        return with(channel, c -> {
            c.platformKey().clear();
            return ok(AdminJson.summary(c));
        });
    }

    @GET
    @Path("{channel}/settings")
    public Response settings(@PathParam("channel") String channel) {
        return with(channel, c -> ok(AdminJson.settings(c.settings())));
    }

    @PUT
    @Path("{channel}/settings")
    public Response updateSettings(@PathParam("channel") String channel, byte[] body) {
        return with(channel, c -> {
            ChannelSettings next = AdminJson.settingsUpdate(c.settings(), body);
            return ok(AdminJson.settings(c.updateSettings(next)));
        });
    }

    @GET
    @Path("{channel}/faults")
    public Response faults(@PathParam("channel") String channel) {
        return with(channel, c -> ok(AdminJson.faults(c.faults().settings())));
    }

    /** Changes only what is given; answers the whole plan. Invalid changes are refused whole. */
    @PUT
    @Path("{channel}/faults")
    public Response updateFaults(@PathParam("channel") String channel, byte[] body) {
        return with(channel, c -> {
            try {
                FaultSettings settings = c.faults().update(AdminJson.faultUpdate(body));
                return ok(AdminJson.faults(settings));
            } catch (IllegalArgumentException e) {
                return error(400, "INVALID_REQUEST", e.getMessage());
            }
        });
    }

    @POST
    @Path("{channel}/reset")
    public Response reset(@PathParam("channel") String channel, @QueryParam("records") boolean records) {
        return with(channel, c -> {
            reset(c, records);
            return ok(Json.createObjectBuilder().add("faults", AdminJson.faults(c.faults().settings()))
                    .add("settings", AdminJson.settings(c.settings())).add("recordsCleared", records).build());
        });
    }

    @GET
    @Path("{channel}/records")
    public Response totals(@PathParam("channel") String channel) {
        return with(channel, c -> ok(AdminJson.totals(c.ledger().totals())));
    }

    /** Always 200: a reference the channel never saw has zero of everything and status NONE. */
    @GET
    @Path("{channel}/records/{merchantRef}")
    public Response record(@PathParam("channel") String channel, @PathParam("merchantRef") String merchantRef) {
        return with(channel, c -> ok(AdminJson.record(c.id(), c.ledger().record(merchantRef))));
    }

    @GET
    @Path("{channel}/callbacks/{merchantRef}")
    public Response callbacks(@PathParam("channel") String channel, @PathParam("merchantRef") String merchantRef) {
        return with(channel, c -> ok(AdminJson.events(merchantRef, c.events(merchantRef))));
    }

    /** The payer's click, without the page: {@code approve} or {@code decline} a PENDING order. */
    @POST
    @Path("{channel}/payer/{merchantRef}/{action}")
    public Response payer(@PathParam("channel") String channel, @PathParam("merchantRef") String merchantRef,
                          @PathParam("action") String action) {
        return with(channel, c -> {
            if (!action.equals("approve") && !action.equals("decline")) {
                return error(404, "NOT_FOUND", "the action is approve or decline");
            }
            Optional<OrderSnapshot> order = c.ledger().find(merchantRef);
            String token = order.map(o -> o.order().payerToken()).orElse(null);
            if (token == null) {
                return error(order.isEmpty() ? 404 : 409, order.isEmpty() ? "ORDER_NOT_FOUND" : "NO_PAYER_STEP",
                        order.isEmpty() ? "no order with merchantRef " + merchantRef
                                : "this order has no payer page to act on");
            }
            ChannelLedger.PayerOutcome outcome = c.payerDecision(token, action.equals("approve")).orElseThrow();
            return ok(Json.createObjectBuilder().add("merchantRef", merchantRef)
                    .add("status", outcome.order().status().name()).add("changed", outcome.changed()).build());
        });
    }

    /** QUICKPAY's latest SMS code for a binding ({@code qpb_...}) or an agreement ({@code qpa_...}). */
    @GET
    @Path("{channel}/codes/{id}")
    public Response code(@PathParam("channel") String channel, @PathParam("id") String id) {
        return with(channel, c -> {
            if (c.id() != ChannelId.QUICKPAY) {
                return error(404, "NOT_FOUND", "only QUICKPAY sends SMS codes");
            }
            return runtime.quickPay().latestCode(id).map(code -> ok(AdminJson.code(id, code)))
                    .orElseGet(() -> error(404, "NOT_FOUND", "no code outstanding for " + id));
        });
    }

    /** The statement differences injected for one UTC day (none: every member empty). */
    @GET
    @Path("{channel}/statement-diffs/{date}")
    public Response statementDiff(@PathParam("channel") String channel, @PathParam("date") String date) {
        return with(channel, c -> ok(StatementDiffJson.write(c.statementDiffs().of(Statements.day(date)))));
    }

    /** Replaces the day's statement differences; answers them with the extra lines' ids. */
    @PUT
    @Path("{channel}/statement-diffs/{date}")
    public Response injectStatementDiff(@PathParam("channel") String channel, @PathParam("date") String date,
                                        String body) {
        return with(channel, c -> {
            try {
                return ok(StatementDiffJson.write(c.statementDiffs().put(Statements.day(date),
                        StatementDiffJson.read(body))));
            } catch (InvalidRequestException e) {
                return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
            }
        });
    }

    @DELETE
    @Path("{channel}/statement-diffs/{date}")
    public Response removeStatementDiff(@PathParam("channel") String channel, @PathParam("date") String date) {
        return with(channel, c -> ok(StatementDiffJson.write(c.statementDiffs().put(Statements.day(date),
                StatementDiffs.DayDiff.NONE))));
    }

    private static void reset(Channel c, boolean records) {
        c.faults().reset();
        c.statementDiffs().clear();
        c.resetSettings();
        if (records) {
            c.clearRecords();
        }
    }

    private Response with(String channel, Function<Channel, Response> work) {
        ChannelId id;
        try {
            id = ChannelId.parse(channel);
        } catch (IllegalArgumentException e) {
            return error(404, "NOT_FOUND", e.getMessage());
        }
        try {
            return work.apply(runtime.channel(id));
        } catch (ChannelException e) {
            return error(e.httpStatus(), e.error().name(), e.getMessage());
        }
    }

    private static Response ok(JsonObject json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", code).add("message", message).build()).build();
    }
}
