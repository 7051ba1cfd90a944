package io.payrail.channel;

import io.payrail.channel.ChannelAnswers.ErrorKind;
import io.payrail.channel.ChannelAnswers.Exchange;
import io.payrail.channel.ChannelAnswers.Kind;
import io.payrail.channel.ChannelAnswers.Reply;
import io.payrail.channel.ChannelAnswers.Transport;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A simulated acquiring bank (channel-simulator's SIMBANK protocol; SIMBANK and SIMBANK2 are two
 * such banks at different paths). The order id is the bank's {@code merchantRef}, the refund id its
 * {@code refundRef}. This class only translates the wire (PROTOCOL.md) into a {@link Reply}; what an
 * answer means for the money is {@link ChannelAnswers}'s table.
 */
public class SimBankConnector implements ChannelConnector {

    private static final Logger LOG = Logger.getLogger(SimBankConnector.class.getName());

    private final String channelId;
    private final Client client;
    private final String baseUrl;
    private final String prefix;

    /**
     * @param baseUrl e.g. {@code http://127.0.0.1:8290/sim}
     * @param prefix  the bank's path below it, e.g. {@code bank/v1}
     */
    public SimBankConnector(String channelId, Client client, String baseUrl, String prefix) {
        this.channelId = channelId;
        this.client = client;
        this.baseUrl = baseUrl;
        this.prefix = prefix;
    }

    @Override
    public String channelId() {
        return channelId;
    }

    @Override
    public Set<PaymentMethod> supportedMethods() {
        return EnumSet.of(PaymentMethod.BANK_CARD, PaymentMethod.QUICK_PAY);
    }

    @Override
    public ChannelOutcome pay(ChannelSubmission s) {
        JsonObject body = Json.createObjectBuilder().add("merchantRef", s.reference())
                .add("amount", s.amount().minorUnits()).add("currency", s.amount().currencyCode())
                .add("subject", s.subject()).add("method", s.paymentMethod().name()).build();
        Reply reply = exchange(() -> request("payments").post(json(body)), s.reference(), Kind.PAYMENT);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(s.resend() ? Exchange.RESEND : Exchange.SUBMIT,
                Kind.PAYMENT, reply);
        // the reference exists here with other money: what counts for it is the bank's own record
        return meaning.queryInstead() ? query(s.reference()) : meaning.outcome();
    }

    @Override
    public ChannelOutcome query(String orderId) {
        Reply reply = exchange(() -> request("payments/" + orderId).get(), orderId, Kind.PAYMENT);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(Exchange.QUERY, Kind.PAYMENT, reply);
        return meaning.queryInstead() ? ChannelOutcome.unknown(reply.detail()) : meaning.outcome();
    }

    @Override
    public ChannelOutcome close(String orderId) {
        Reply reply = exchange(() -> request("payments/" + orderId + "/close").post(Entity.entity("",
                MediaType.APPLICATION_JSON)), orderId, Kind.PAYMENT);
        // ORDER_PAID: the query gives the bank's transaction and what it took
        return ChannelAnswers.closeOutcome(reply, () -> query(orderId));
    }

    @Override
    public ChannelOutcome refund(RefundSubmission r) {
        JsonObject body = Json.createObjectBuilder().add("merchantRef", r.paymentReference()).add("refundRef", r.refundId())
                .add("amount", r.amount().minorUnits()).add("currency", r.amount().currencyCode()).build();
        Reply reply = exchange(() -> request("refunds").post(json(body)), r.refundId(), Kind.REFUND);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(r.resend() ? Exchange.RESEND : Exchange.SUBMIT,
                Kind.REFUND, reply);
        return meaning.queryInstead() ? queryRefund(r) : meaning.outcome();
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission r) {
        Reply reply = exchange(() -> request("refunds/" + r.refundId()).get(), r.refundId(), Kind.REFUND);
        ChannelAnswers.Meaning meaning = ChannelAnswers.meaning(Exchange.QUERY, Kind.REFUND, reply);
        return meaning.queryInstead() ? ChannelOutcome.unknown(reply.detail()) : meaning.outcome();
    }

    private Invocation.Builder request(String path) {
        return client.target(baseUrl).path(prefix).path(path).request(MediaType.APPLICATION_JSON);
    }

    private static Entity<String> json(JsonObject body) {
        return Entity.entity(body.toString(), MediaType.APPLICATION_JSON);
    }

    /** One exchange, the answer (or its absence) as the protocol states it. */
    private Reply exchange(Supplier<Response> call, String reference, Kind kind) {
        int status;
        byte[] body;
        try (Response response = call.get()) {
            status = response.getStatus();
            body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ConnectException) {
                return Reply.failed(Transport.REFUSED, channelId + " is not reachable: " + e.getCause().getMessage());
            }
            LOG.warning(() -> channelId + " call for " + reference + " failed: " + e.getMessage());
            return Reply.failed(Transport.LOST, channelId + " gave no answer: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
        JsonObject answer = WireJson.object(body);
        String detail = channelId + " HTTP " + status + ": " + abbreviate(new String(body, StandardCharsets.UTF_8));
        if (status == 200) {
            return Reply.decided(status, answer == null ? null : decision(answer, reference, kind), detail);
        }
        String code = answer == null ? null : WireJson.text(answer, "error");
        String referenceField = kind == Kind.PAYMENT ? "merchantRef" : "refundRef";
        boolean names = answer != null && reference.equals(WireJson.text(answer, referenceField));
        return Reply.error(status, errorKind(status, code), code, answer == null ? null : WireJson.text(answer, "message"),
                names, detail);
    }

    /** A 200's decision, if it is one for our reference that the protocol defines. */
    private static ChannelOutcome decision(JsonObject answer, String reference, Kind kind) {
        if (!reference.equals(WireJson.text(answer, kind == Kind.PAYMENT ? "merchantRef" : "refundRef"))) {
            return null;
        }
        String txn = WireJson.text(answer, kind == Kind.PAYMENT ? "transactionId" : "refundId");
        String status = WireJson.text(answer, "status");
        if (status == null) {
            return null;
        }
        return switch (kind == Kind.PAYMENT ? "P:" + status : "R:" + status) {
            // no amount or currency in an approval: it has not said it took our money
            case "P:APPROVED", "R:REFUNDED" -> {
                var money = WireJson.money(answer, "amount", "currency");
                yield money == null ? null : ChannelOutcome.succeeded(txn, money);
            }
            case "P:DECLINED" -> ChannelOutcome.declined(txn, orElse(WireJson.text(answer, "declineCode"), "DECLINED"),
                    WireJson.text(answer, "message"));
            case "R:REJECTED" -> ChannelOutcome.declined(txn, orElse(WireJson.text(answer, "reasonCode"), "REJECTED"),
                    WireJson.text(answer, "message"));
            case "P:CLOSED" -> ChannelOutcome.closed(txn);
            default -> null;
        };
    }

    /** SIMBANK's error codes (PROTOCOL.md §2, §3, §5, §6). */
    private static ErrorKind errorKind(int status, String code) {
        if (code == null) {
            return ErrorKind.NONE;
        }
        if (status == 429) {
            return ErrorKind.THROTTLED;
        }
        return switch (code) {
            case "NOT_FOUND" -> ErrorKind.NOT_FOUND;
            case "ORDER_CLOSED" -> ErrorKind.CLOSED;
            case "ORDER_PAID" -> ErrorKind.PAID;
            case "MERCHANT_REF_REUSED", "REFUND_REF_REUSED" -> ErrorKind.REFERENCE_REUSED;
            case "INVALID_REQUEST" -> ErrorKind.REFUSED;
            default -> ErrorKind.OTHER;
        };
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
