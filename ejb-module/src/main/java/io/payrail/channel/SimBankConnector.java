package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.ConnectException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A simulated acquiring bank (channel-simulator's SIMBANK protocol; SIMBANK and SIMBANK2 are two
 * such banks at different paths). The order id is the bank's {@code merchantRef}, the refund id its
 * {@code refundRef}. 503 means "refused before processing" (nothing charged); any other 5xx, a
 * timeout or a broken connection means "unknown"; connection refused means nothing was sent.
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
        JsonObject body = Json.createObjectBuilder().add("merchantRef", s.orderId())
                .add("amount", s.amount().minorUnits()).add("currency", s.amount().currencyCode())
                .add("subject", s.subject()).add("method", s.paymentMethod().name()).build();
        return call(() -> request("payments").post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON)),
                s.orderId(), "transactionId", true);
    }

    @Override
    public ChannelOutcome query(String orderId) {
        return call(() -> request("payments/" + orderId).get(), orderId, "transactionId", false);
    }

    @Override
    public ChannelOutcome close(String orderId) {
        ChannelOutcome closed = call(() -> request("payments/" + orderId + "/close")
                .post(Entity.entity("", MediaType.APPLICATION_JSON)), orderId, "transactionId", false);
        if (closed.status() == ChannelOutcome.Status.DECLINED && "ORDER_PAID".equals(closed.code())) {
            return query(orderId);
        }
        return closed;
    }

    @Override
    public ChannelOutcome refund(RefundSubmission r) {
        JsonObject body = Json.createObjectBuilder().add("merchantRef", r.paymentOrderId()).add("refundRef", r.refundId())
                .add("amount", r.amount().minorUnits()).add("currency", r.amount().currencyCode()).build();
        return call(() -> request("refunds").post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON)),
                r.refundId(), "refundId", true);
    }

    @Override
    public ChannelOutcome queryRefund(RefundSubmission r) {
        return call(() -> request("refunds/" + r.refundId()).get(), r.refundId(), "refundId", false);
    }

    private Invocation.Builder request(String path) {
        return client.target(baseUrl).path(prefix).path(path).request(MediaType.APPLICATION_JSON);
    }

    /** One exchange, every answer (or its absence) turned into an outcome. */
    private ChannelOutcome call(Supplier<Response> exchange, String reference, String idField, boolean mutating) {
        try (Response response = exchange.get()) {
            String body = response.readEntity(String.class);
            int status = response.getStatus();
            if (status == 503) {
                return mutating ? ChannelOutcome.unavailable(channelId + " refused the request before processing (503)")
                        : ChannelOutcome.unknown(channelId + " could not answer (503)");
            }
            if (status >= 500) {
                return ChannelOutcome.unknown(channelId + " answered HTTP " + status);
            }
            if (status == 404) {
                return ChannelOutcome.notFound();
            }
            if (status >= 400) {
                JsonObject error = parse(body);
                String code = error == null ? "CHANNEL_REJECTED" : error.getString("error", "CHANNEL_REJECTED");
                if ("ORDER_CLOSED".equals(code)) {
                    return ChannelOutcome.closed(null);
                }
                // the bank refused the request itself: it certainly moved no money
                return ChannelOutcome.declined(null, code, channelId + " HTTP " + status + ": " + abbreviate(body));
            }
            JsonObject answer = parse(body);
            if (answer == null) {
                return ChannelOutcome.unknown(channelId + " sent an unreadable answer: " + abbreviate(body));
            }
            String txn = answer.getString(idField, null);
            return switch (answer.getString("status", "")) {
                case "APPROVED", "REFUNDED" -> ChannelOutcome.succeeded(txn);
                case "DECLINED", "REJECTED" -> ChannelOutcome.declined(txn, answer.getString("declineCode",
                        answer.getString("reasonCode", "DECLINED")), answer.getString("message", null));
                case "CLOSED" -> ChannelOutcome.closed(txn);
                default -> ChannelOutcome.unknown(channelId + " status '" + answer.getString("status", "") + "'");
            };
        } catch (ProcessingException e) {
            if (mutating && e.getCause() instanceof ConnectException) {
                // nothing reached the bank
                return ChannelOutcome.unavailable(channelId + " is not reachable: " + e.getCause().getMessage());
            }
            LOG.warning(() -> channelId + " call for " + reference + " failed: " + e.getMessage());
            return ChannelOutcome.unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException garbled) {
            return null;
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
