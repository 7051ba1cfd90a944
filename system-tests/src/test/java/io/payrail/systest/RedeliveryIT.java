package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the bank gives no answer, the channel request goes back to the broker and is delivered
 * again after its backoff; the repeated request never charges the payer twice.
 */
class RedeliveryIT {

    private final TestMerchant merchant = Merchants.demo();

    @BeforeEach
    void quiet() {
        // failure injection applies to the bank's next requests: let earlier payments finish first
        Await.until("earlier payments to finish", Duration.ofSeconds(30), () -> Database.ordersInFlight() == 0);
    }

    @AfterEach
    void resetBank() {
        Simulator.reset();
    }

    @Test
    void aBankErrorIsRetriedByRedeliveryAndChargesOnce() {
        Simulator.configure("{\"failNextRequests\":1,\"failStatus\":503}");
        String id = merchant.pay(Payments.newOrderNo("redelivery"), 3100);

        JsonObject done = Payments.awaitFinal(merchant, id, Duration.ofSeconds(30));

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("requests")).as("the first delivery met the 503, the redelivery was approved").isEqualTo(2);
        assertThat(bank.getInt("charges")).isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND to_state = 'PROCESSING'", id))
                .as("one transition to PROCESSING, however often the request was delivered").isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aTimeoutIsNotADeclineAndTheRetryDoesNotChargeTwice() {
        // the bank charges at once but answers after 5 s; the platform gives up after 3 s
        Simulator.configure("{\"timeoutNextRequests\":1,\"timeoutMs\":5000}");
        String id = merchant.pay(Payments.newOrderNo("timeout"), 3200);

        JsonObject done = Payments.awaitFinal(merchant, id, Duration.ofSeconds(30));

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("requests")).isEqualTo(2);
        assertThat(bank.getInt("charges")).as("the retry found the first charge").isEqualTo(1);
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isEqualTo(1);
    }
}
