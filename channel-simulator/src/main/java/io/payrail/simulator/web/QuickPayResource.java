package io.payrail.simulator.web;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.Channel;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.ChannelLedger;
import io.payrail.simulator.channel.PayAttempt;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.WireReply;
import io.payrail.simulator.channel.quickpay.QuickPay;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * QUICKPAY's API (docs/quickpay.md): every call a POST of a flat, {@code sign}ed JSON object, except
 * the statement file (a GET signed in its query string).
 */
@ApplicationScoped
@Path("quickpay/v1")
public class QuickPayResource {

    @Inject
    ChannelRuntime runtime;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @POST
    @Path("bind")
    public void bind(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.bind(new QuickPay.BindRequest(
                WireJson.requiredString(json, "bindRef"), WireJson.requiredString(json, "cardNumber"),
                WireJson.requiredString(json, "cardExpiry"), WireJson.optionalString(json, "holderName"),
                WireJson.requiredString(json, "phone"))), QuickPay::bindFields));
    }

    @POST
    @Path("bind/confirm")
    public void confirmBind(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.confirmBind(WireJson.requiredString(json, "bindId"),
                WireJson.requiredString(json, "otp")), QuickPay::bindFields));
    }

    @POST
    @Path("pay/otp")
    public void sendPayCode(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.sendPayCode(WireJson.requiredString(json, "agreementId"),
                WireJson.requiredString(json, "merchantRef"), WireJson.money(json)), QuickPay::payCodeFields));
    }

    @POST
    @Path("pay")
    public void pay(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> {
            QuickPay.Payment payment = new QuickPay.Payment(new PayAttempt(WireJson.requiredString(json, "merchantRef"),
                    WireJson.money(json), WireJson.optionalString(json, "subject"), null,
                    WireJson.requiredString(json, "agreementId")), WireJson.requiredString(json, "otp"));
            Answer<ChannelLedger.PayOutcome> answer = qp.pay(payment);
            return reply(qp, answer, o -> QuickPay.orderFields(qp.ledger().find(o.order().merchantRef()).orElseThrow(),
                    o.effect() == ChannelLedger.PayEffect.DUPLICATE));
        });
    }

    @POST
    @Path("query")
    public void query(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> {
            String ref = WireJson.optionalString(json, "merchantRef");
            String transactionId = WireJson.optionalString(json, "transactionId");
            if ((ref == null) == (transactionId == null)) {
                throw WireJson.invalid("give merchantRef or transactionId");
            }
            return reply(qp, ref != null ? qp.queryByRef(ref) : qp.queryByTransaction(transactionId),
                    s -> QuickPay.orderFields(s, null));
        });
    }

    @POST
    @Path("close")
    public void close(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.close(WireJson.requiredString(json, "merchantRef")),
                s -> QuickPay.orderFields(s, null)));
    }

    @POST
    @Path("refund")
    public void refund(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.refund(new Channel.RefundRequest(
                        WireJson.optionalString(json, "merchantRef"), WireJson.optionalString(json, "transactionId"),
                        WireJson.requiredString(json, "refundRef"), WireJson.money(json),
                        WireJson.optionalString(json, "reason"))),
                o -> QuickPay.refundFields(o.refund(), o.duplicate())));
    }

    @POST
    @Path("refund/query")
    public void refundQuery(byte[] body, @Suspended AsyncResponse async) {
        handle(async, body, (qp, json) -> reply(qp, qp.queryRefund(WireJson.requiredString(json, "refundRef")),
                r -> QuickPay.refundFields(r, null)));
    }

    /** Signed in the query string: {@code ?timestamp=...&sign=...} over {@code date=...&timestamp=...}. */
    @GET
    @Path("statements/{date}")
    public void statement(@PathParam("date") String date, @Context UriInfo uri, @Suspended AsyncResponse async) {
        QuickPay qp = runtime.quickPay();
        Verification verification = null;
        WireReply reply;
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            uri.getQueryParameters().forEach((name, values) -> fields.put(name, last(values)));
            fields.put("date", date);
            verification = qp.verify(fields);
            Answer<String> answer = qp.statement(Statements.day(date));
            reply = answer.isOk() ? qp.signedFile(answer.value().getBytes(StandardCharsets.UTF_8), answer.delayMs())
                    : qp.error(answer.error(), answer.delayMs());
        } catch (ChannelException e) {
            reply = qp.error(e, 0);
        }
        Replies.send(async, reply, verification, scheduler);
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    private static <T> WireReply reply(QuickPay qp, Answer<T> answer, Function<T, Map<String, Object>> fields) {
        if (!answer.isOk()) {
            return qp.error(answer.error(), answer.delayMs());
        }
        return qp.signed(200, fields.apply(answer.value()), answer.delayMs());
    }

    private void handle(AsyncResponse async, byte[] body, BiFunction<QuickPay, JsonObject, WireReply> work) {
        QuickPay qp = runtime.quickPay();
        Verification verification = null;
        WireReply reply;
        try {
            JsonObject json = WireJson.object(body);
            verification = qp.verify(WireJson.flatTexts(json));
            reply = work.apply(qp, json);
        } catch (ChannelException e) {
            reply = qp.error(e, 0);
        }
        Replies.send(async, reply, verification, scheduler);
    }
}
