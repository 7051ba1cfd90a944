package io.payrail.settlement;

import io.payrail.channel.SimBankHttp;
import io.payrail.common.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's bank for payouts: SIMBANK's transfer operation (channel-simulator/PROTOCOL.md
 * §11). The settlement id is the transfer's reference and its idempotency key, so a request
 * repeated after a crash or an unknown answer moves the money at most once; the bank answers the
 * first decision again.
 */
@ApplicationScoped
public class PayoutBank {

    private static final Logger LOG = Logger.getLogger(PayoutBank.class.getName());

    @Inject
    SimBankHttp http;

    /** Where the platform's account is: SIMBANK ({@code bank/v1}) unless configured otherwise. */
    @Inject
    @ConfigProperty(name = "payrail.payout.path", defaultValue = "bank/v1")
    String path;

    /** What the bank decided: EXECUTED (money left), REJECTED (certainly nothing moved) or UNKNOWN (ask again). */
    public record Outcome(String status, String transferId, String detail) {
        public static final String EXECUTED = "EXECUTED";
        public static final String REJECTED = "REJECTED";
        public static final String UNKNOWN = "UNKNOWN";
    }

    /** Sends the transfer; never throws (an answer that cannot be read is UNKNOWN). */
    public Outcome transfer(String transferRef, Money amount, String account, String name) {
        JsonObject body = Json.createObjectBuilder().add("transferRef", transferRef).add("amount", amount.minorUnits())
                .add("currency", amount.currencyCode()).add("beneficiaryAccount", account).add("beneficiaryName", name)
                .build();
        try (Response response = http.target(path).path("transfers").request(MediaType.APPLICATION_JSON)
                .post(Entity.json(body.toString()))) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            JsonObject answer = null;
            try {
                answer = Json.createReader(new StringReader(text)).readObject();
            } catch (RuntimeException e) {
                // not JSON: decided below by status alone
            }
            if (response.getStatus() == 200 && answer != null && transferRef.equals(answer.getString("transferRef", ""))) {
                String status = answer.getString("status", "");
                if (Outcome.EXECUTED.equals(status)) {
                    return new Outcome(Outcome.EXECUTED, answer.getString("transferId", null), "executed");
                }
                if (Outcome.REJECTED.equals(status)) {
                    return new Outcome(Outcome.REJECTED, null, answer.getString("reasonCode", "REJECTED") + ": "
                            + answer.getString("message", ""));
                }
            }
            if (response.getStatus() >= 400 && response.getStatus() < 500) {
                return new Outcome(Outcome.REJECTED, null, "the bank refused the transfer with HTTP "
                        + response.getStatus() + ": " + (text.length() <= 200 ? text : text.substring(0, 200)));
            }
            return new Outcome(Outcome.UNKNOWN, null, "the bank answered HTTP " + response.getStatus()
                    + ": the transfer may or may not have moved money; pay again (the same request is idempotent)");
        } catch (ProcessingException e) {
            LOG.log(Level.FINE, "transfer " + transferRef, e);
            return new Outcome(Outcome.UNKNOWN, null, "no answer from the bank (" + e.getMessage()
                    + "): pay again (the same request is idempotent)");
        }
    }
}
