package io.payrail.simulator.web;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelException;
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
import jakarta.json.JsonString;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * WALLET's API (docs/wallet.md). Each request is an {@link Wallet.Exchange}: its answer, error or
 * not, is signed bound to it, and an error names the references the request named.
 */
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
        handle(async, "POST", uri, jws, body, references(body, "merchantRef"), (w, x) -> {
            JsonObject json = WireJson.object(body);
            PayAttempt attempt = new PayAttempt(WireJson.requiredString(json, "merchantRef"), WireJson.money(json),
                    WireJson.optionalString(json, "subject"), null, null);
            return Replies.reply(x, w.createOrder(attempt), o -> Wallet.orderFields(
                    w.ledger().find(o.order().merchantRef()).orElseThrow(), runtime.baseUrl(uri.getBaseUri()),
                    o.effect() == ChannelLedger.PayEffect.DUPLICATE));
        });
    }

    @GET
    @Path("orders/{orderId}")
    public void byOrderId(@PathParam("orderId") String orderId, @HeaderParam(DetachedJws.HEADER) String jws,
                          @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, reference("orderId", orderId), (w, x) -> Replies.reply(x,
                w.queryByTransaction(orderId), s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @GET
    @Path("orders/by-ref/{merchantRef}")
    public void byRef(@PathParam("merchantRef") String merchantRef, @HeaderParam(DetachedJws.HEADER) String jws,
                      @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, reference("merchantRef", merchantRef), (w, x) -> Replies.reply(x,
                w.queryByRef(merchantRef), s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("orders/by-ref/{merchantRef}/close")
    public void close(@PathParam("merchantRef") String merchantRef, byte[] body,
                      @HeaderParam(DetachedJws.HEADER) String jws, @Context UriInfo uri,
                      @Suspended AsyncResponse async) {
        handle(async, "POST", uri, jws, body, reference("merchantRef", merchantRef), (w, x) -> Replies.reply(x,
                w.close(merchantRef), s -> Wallet.orderFields(s, runtime.baseUrl(uri.getBaseUri()), null)));
    }

    @POST
    @Path("refunds")
    public void refund(byte[] body, @HeaderParam(DetachedJws.HEADER) String jws, @Context UriInfo uri,
                       @Suspended AsyncResponse async) {
        handle(async, "POST", uri, jws, body, references(body, "merchantRef", "orderId", "refundRef"), (w, x) -> {
            JsonObject json = WireJson.object(body);
            return Replies.reply(x, w.refund(new Channel.RefundRequest(WireJson.optionalString(json, "merchantRef"),
                            WireJson.optionalString(json, "orderId"), WireJson.requiredString(json, "refundRef"),
                            WireJson.money(json), WireJson.optionalString(json, "reason"))),
                    o -> Wallet.refundFields(o.refund(), o.duplicate()));
        });
    }

    @GET
    @Path("refunds/by-ref/{refundRef}")
    public void refundByRef(@PathParam("refundRef") String refundRef, @HeaderParam(DetachedJws.HEADER) String jws,
                            @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, reference("refundRef", refundRef), (w, x) -> Replies.reply(x,
                w.queryRefund(refundRef), (Refund r) -> Wallet.refundFields(r, null)));
    }

    @GET
    @Path("statements/{date}")
    public void statement(@PathParam("date") String date, @HeaderParam(DetachedJws.HEADER) String jws,
                          @Context UriInfo uri, @Suspended AsyncResponse async) {
        handle(async, "GET", uri, jws, NO_BODY, Map.of(), (w, x) -> {
            Answer<String> answer = w.statement(Statements.day(date));
            return answer.isOk()
                    ? x.signed(200, Wire.CSV, answer.value().getBytes(StandardCharsets.UTF_8), answer.delayMs())
                    : x.error(answer.error(), answer.delayMs());
        });
    }

    private void handle(AsyncResponse async, String method, UriInfo uri, String jws, byte[] body,
                        Map<String, String> references, BiFunction<Wallet, Wallet.Exchange, WireReply> work) {
        Wallet wallet = runtime.wallet();
        Wallet.Exchange exchange = wallet.exchange(method, Replies.pathAndQuery(uri), references);
        Replies.handle(async, exchange, method, uri, jws, body, x -> work.apply(wallet, x), scheduler);
    }

    /** A reference from the path, if it is one (never echo what is not). */
    private static Map<String, String> reference(String name, String value) {
        return value != null && PayAttempt.REFERENCE.matcher(value).matches() ? Map.of(name, value) : Map.of();
    }

    /** The well-formed references a JSON body names; none when the body cannot be read. */
    static Map<String, String> references(byte[] body, String... names) {
        Map<String, String> found = new LinkedHashMap<>();
        JsonObject json;
        try {
            json = WireJson.object(body);
        } catch (ChannelException unreadable) {
            return found;
        }
        for (String name : names) {
            if (json.get(name) instanceof JsonString s) {
                found.putAll(reference(name, s.getString()));
            }
        }
        return found;
    }
}
