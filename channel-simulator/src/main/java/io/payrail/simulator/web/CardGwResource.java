package io.payrail.simulator.web;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.OrderSnapshot;
import io.payrail.simulator.channel.Refund;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.channel.card.CardGateway;
import io.payrail.simulator.channel.card.CardPayment;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * CARDGW's API (docs/cardgw.md): thin, as every resource here. Check the signature, read the JSON,
 * call the {@link CardGateway}, write the signed answer after its delay.
 */
@ApplicationScoped
@Path("cardgw/v1")
public class CardGwResource {

    private static final byte[] NO_BODY = new byte[0];

    @Inject
    ChannelRuntime runtime;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @POST
    @Path("payments")
    public void pay(byte[] body, @HeaderParam("Authorization") String auth, @Context UriInfo uri,
                    @Suspended AsyncResponse async) {
        handle(async, "POST", uri, auth, body, gw -> {
            JsonObject json = WireJson.object(body);
            JsonObject card = WireJson.requiredObject(json, "card");
            CardPayment payment = new CardPayment(WireJson.requiredString(json, "merchantRef"), WireJson.money(json),
                    WireJson.optionalString(json, "description"), WireJson.requiredString(card, "number"),
                    WireJson.requiredString(card, "expiry"), WireJson.requiredString(card, "cvv"),
                    WireJson.optionalString(card, "holder"));
            Answer<ChannelLedger.PayOutcome> answer = gw.pay(payment);
            return Replies.reply(gw, answer, o -> CardGateway.orderFields(snapshot(gw, o.order().merchantRef()),
                    runtime.baseUrl(uri.getBaseUri()), o.effect() == ChannelLedger.PayEffect.DUPLICATE));
        });
    }

    @GET
    @Path("payments/{transactionId}")
    public void byTransaction(@PathParam("transactionId") String transactionId,
                              @HeaderParam("Authorization") String auth, @Context UriInfo uri,
                              @Suspended AsyncResponse async) {
        handle(async, "GET", uri, auth, NO_BODY, gw -> Replies.reply(gw, gw.queryByTransaction(transactionId),
                s -> CardGateway.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @GET
    @Path("payments/by-ref/{merchantRef}")
    public void byRef(@PathParam("merchantRef") String merchantRef, @HeaderParam("Authorization") String auth,
                      @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, auth, NO_BODY, gw -> Replies.reply(gw, gw.queryByRef(merchantRef),
                s -> CardGateway.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("payments/by-ref/{merchantRef}/close")
    public void close(@PathParam("merchantRef") String merchantRef, byte[] body,
                      @HeaderParam("Authorization") String auth, @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "POST", uri, auth, body, gw -> Replies.reply(gw, gw.close(merchantRef),
                s -> CardGateway.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("refunds")
    public void refund(byte[] body, @HeaderParam("Authorization") String auth, @Context UriInfo uri,
                       @Suspended AsyncResponse async) {
        handle(async, "POST", uri, auth, body, gw -> {
            JsonObject json = WireJson.object(body);
            Answer<ChannelLedger.RefundOutcome> answer = gw.refund(new Channel.RefundRequest(
                    WireJson.optionalString(json, "merchantRef"), WireJson.optionalString(json, "transactionId"),
                    WireJson.requiredString(json, "refundRef"), WireJson.money(json),
                    WireJson.optionalString(json, "reason")));
            return Replies.reply(gw, answer, o -> CardGateway.refundFields(o.refund(), o.duplicate()));
        });
    }

    @GET
    @Path("refunds/by-ref/{refundRef}")
    public void refundByRef(@PathParam("refundRef") String refundRef, @HeaderParam("Authorization") String auth,
                            @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, auth, NO_BODY, gw -> Replies.reply(gw, gw.queryRefund(refundRef),
                (Refund r) -> CardGateway.refundFields(r, null)));
    }

    @GET
    @Path("statements/{date}")
    public void statement(@PathParam("date") String date, @HeaderParam("Authorization") String auth,
                          @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, auth, NO_BODY, gw -> {
            Answer<String> answer = gw.statement(Statements.day(date));
            return answer.isOk()
                    ? gw.signed(200, Wire.CSV, answer.value().getBytes(StandardCharsets.UTF_8), answer.delayMs())
                    : gw.error(answer.error(), answer.delayMs());
        });
    }

    private static OrderSnapshot snapshot(CardGateway gw, String merchantRef) {
        return gw.ledger().find(merchantRef).orElseThrow();
    }

    private void handle(AsyncResponse async, String method, UriInfo uri, String auth, byte[] body,
                        Function<CardGateway, WireReply> work) {
        Replies.handle(async, runtime.cardGateway(), method, uri, auth, body, work, scheduler);
    }

}
