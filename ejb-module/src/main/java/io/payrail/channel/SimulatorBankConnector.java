package io.payrail.channel;

import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The simulated bank (channel-simulator, "SIMBANK"): {@code POST /bank/v1/payments} with the order
 * id as {@code merchantRef}, {@code POST /bank/v1/refunds} with the refund id as {@code refundRef}.
 * See channel-simulator/PROTOCOL.md.
 */
@ApplicationScoped
public class SimulatorBankConnector implements ChannelConnector {

    public static final String CHANNEL_ID = "SIMBANK";

    private static final Logger LOG = Logger.getLogger(SimulatorBankConnector.class.getName());

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.url", defaultValue = "http://127.0.0.1:8290/sim")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.connect-timeout-ms", defaultValue = "2000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "payrail.channel.simbank.read-timeout-ms", defaultValue = "10000")
    long readTimeoutMillis;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newBuilder()
                .connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMillis, TimeUnit.MILLISECONDS)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public String channelId() {
        return CHANNEL_ID;
    }

    @Override
    public Set<PaymentMethod> supportedMethods() {
        return EnumSet.allOf(PaymentMethod.class);
    }

    @Override
    public ChannelOutcome pay(ChannelSubmission submission) {
        JsonObject request = Json.createObjectBuilder()
                .add("merchantRef", submission.orderId())
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode())
                .add("subject", submission.subject())
                .add("method", submission.paymentMethod().name())
                .build();
        return post("bank/v1/payments", request, submission.orderId(), "transactionId");
    }

    @Override
    public ChannelOutcome refund(RefundSubmission submission) {
        JsonObject request = Json.createObjectBuilder()
                .add("merchantRef", submission.paymentOrderId())
                .add("refundRef", submission.refundId())
                .add("amount", submission.amount().minorUnits())
                .add("currency", submission.amount().currencyCode())
                .build();
        return post("bank/v1/refunds", request, submission.refundId(), "refundId");
    }

    private ChannelOutcome post(String path, JsonObject request, String reference, String idField) {
        try (Response response = client.target(baseUrl).path(path)
                .request(MediaType.APPLICATION_JSON)
                .post(Entity.entity(request.toString(), MediaType.APPLICATION_JSON))) {
            String body = response.readEntity(String.class);
            int status = response.getStatus();
            if (status >= 500) {
                return ChannelOutcome.unknown("SIMBANK answered HTTP " + status);
            }
            if (status >= 400) {
                // the bank refused the request itself: it certainly moved no money
                return ChannelOutcome.declined(null, "CHANNEL_REJECTED", "SIMBANK HTTP " + status + ": " + abbreviate(body));
            }
            return interpret(body, idField);
        } catch (ProcessingException e) {
            // connect refused, read timeout, broken connection: the money may or may not have moved
            LOG.warning(() -> "SIMBANK call for " + reference + " failed: " + e.getMessage());
            return ChannelOutcome.unknown(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ChannelOutcome interpret(String body, String idField) {
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            answer = reader.readObject();
        } catch (RuntimeException garbled) {
            return ChannelOutcome.unknown("SIMBANK sent an unreadable answer: " + abbreviate(body));
        }
        String status = answer.getString("status", "");
        String txn = answer.getString(idField, null);
        return switch (status) {
            case "APPROVED", "REFUNDED" -> ChannelOutcome.succeeded(txn);
            case "DECLINED", "REJECTED" -> ChannelOutcome.declined(txn, answer.getString("declineCode",
                            answer.getString("reasonCode", "DECLINED")), answer.getString("message", null));
            case "PENDING" -> ChannelOutcome.pending(txn);
            default -> ChannelOutcome.unknown("SIMBANK status '" + status + "'");
        };
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
