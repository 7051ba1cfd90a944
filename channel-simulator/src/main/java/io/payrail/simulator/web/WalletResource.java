package io.payrail.simulator.web;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.Refund;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.channel.wallet.DetachedJws;
import io.payrail.simulator.channel.wallet.Wallet;
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

/** WALLET's API (docs/wallet.md). */
@ApplicationScoped
@Path("wallet/v1")
public class WalletResource {

    private static final byte[] NO_BODY = new byte[0];

    @Inject
    ChannelRuntime runtime;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @POST
    @Path("orders")
    public void create(byte[] body, @HeaderParam(DetachedJws.HEADER) String jws, @Context UriInfo uri,
                       @Suspended AsyncResponse async) {
        handle(async, "POST", uri, jws, body, w -> {
            JsonObject json = WireJson.object(body);
            PayAttempt attempt = new PayAttempt(WireJson.requiredString(json, "merchantRef"), WireJson.money(json),
                    WireJson.optionalString(json, "subject"), null, null);
            return Replies.reply(w, w.createOrder(attempt), o -> Wallet.orderFields(
                    w.ledger().find(o.order().merchantRef()).orElseThrow(), runtime.baseUrl(uri.getBaseUri()),
                    o.effect() == ChannelLedger.PayEffect.DUPLICATE));
        });
    }

    @GET
    @Path("orders/{orderId}")
    public void byOrderId(@PathParam("orderId") String orderId, @HeaderParam(DetachedJws.HEADER) String jws,
                          @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, w -> Replies.reply(w, w.queryByTransaction(orderId),
                s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @GET
    @Path("orders/by-ref/{merchantRef}")
    public void byRef(@PathParam("merchantRef") String merchantRef, @HeaderParam(DetachedJws.HEADER) String jws,
                      @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, w -> Replies.reply(w, w.queryByRef(merchantRef),
                s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("orders/by-ref/{merchantRef}/close")
    public void close(@PathParam("merchantRef") String merchantRef, byte[] body,
                      @HeaderParam(DetachedJws.HEADER) String jws, @Context UriInfo uri,
                      @Suspended AsyncResponse async) {
        handle(async, "POST", uri, jws, body, w -> Replies.reply(w, w.close(merchantRef),
                s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("refunds")
    public void refund(byte[] body, @HeaderParam(DetachedJws.HEADER) String jws, @Context UriInfo uri,
                       @Suspended AsyncResponse async) {
        handle(async, "POST", uri, jws, body, w -> {
            JsonObject json = WireJson.object(body);
            return Replies.reply(w, w.refund(new Channel.RefundRequest(WireJson.optionalString(json, "merchantRef"),
                            WireJson.optionalString(json, "orderId"), WireJson.requiredString(json, "refundRef"),
                            WireJson.money(json), WireJson.optionalString(json, "reason"))),
                    o -> Wallet.refundFields(o.refund(), o.duplicate()));
        });
    }

    @GET
    @Path("refunds/by-ref/{refundRef}")
    public void refundByRef(@PathParam("refundRef") String refundRef, @HeaderParam(DetachedJws.HEADER) String jws,
                            @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, w -> Replies.reply(w, w.queryRefund(refundRef),
                (Refund r) -> Wallet.refundFields(r, null)));
    }

    @GET
    @Path("statements/{date}")
    public void statement(@PathParam("date") String date, @HeaderParam(DetachedJws.HEADER) String jws,
                          @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, w -> {
            Answer<String> answer = w.statement(Statements.day(date));
            return answer.isOk()
                    ? w.signed(200, Wire.CSV, answer.value().getBytes(StandardCharsets.UTF_8), answer.delayMs())
                    : w.error(answer.error(), answer.delayMs());
        });
    }

    private void handle(AsyncResponse async, String method, UriInfo uri, String jws, byte[] body,
                        Function<Wallet, WireReply> work) {
        Replies.handle(async, runtime.wallet(), method, uri, jws, body, work, scheduler);
    }
}
