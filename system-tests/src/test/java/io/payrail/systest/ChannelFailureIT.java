package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card banks misbehave on purpose (SIMBANK first, SIMBANK2 second in the route): every test
 * asserts the final state and the simulator's own record of what it charged. The rule under test:
 * a payment moves to another channel only when the first certainly did not charge (503: refused
 * before processing, or the breaker open); after a timeout or another 5xx it stays where it may
 * have been charged and is resolved by query.
 */
class ChannelFailureIT {

    private static final Duration LIMIT = Duration.ofSeconds(40);

    private final TestMerchant merchant = Merchants.demo();

    @BeforeEach
    void quiet() {
        // failure injection applies to the banks' next requests: let earlier payments finish first
        Await.until("earlier card payments to finish", LIMIT, () -> Database.ordersInFlight() == 0);
    }

    @AfterEach
    void resetChannels() {
        Simulator.reset();
    }

    private static String channelOf(String orderId) {
        return Database.string("SELECT channel_id FROM payment_order WHERE id = ?", orderId);
    }

    private static long transitions(String orderId, String to, String source) {
        return Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND to_state = ?"
                + " AND source = ?", orderId, to, source);
    }

    @Test
    void aTimeoutIsResolvedByQueryWithoutAnotherSubmission() {
        // SIMBANK charges at once but answers after 5 s; the platform gives up after 3 s
        Simulator.configure("{\"timeoutNextRequests\":1,\"timeoutMs\":5000}");
        String id = merchant.pay(Payments.newOrderNo("timeout"), 3200);

        JsonObject done = Payments.awaitFinal(merchant, id, LIMIT);

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(transitions(id, "SUCCEEDED", "CHANNEL_QUERY")).as("the query found the charge").isEqualTo(1);
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("requests")).as("asked once; the outcome came from the query").isEqualTo(1);
        assertThat(bank.getInt("charges")).isEqualTo(1);
        assertThat(Simulator.bank2Charges(id).getInt("requests")).as("no failover after a timeout").isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aServerErrorIsNotAFailoverTheQueryFindsNothingAndTheSameBankIsAskedAgain() {
        // 500: the outcome is unknown to the platform (the bank did nothing, but only the query can tell)
        Simulator.configure("{\"failNextRequests\":1,\"failStatus\":500}");
        String id = merchant.pay(Payments.newOrderNo("error500"), 3300);

        JsonObject done = Payments.awaitFinal(merchant, id, LIMIT);

        assertThat(done.getString("state")).isEqualTo("SUCCEEDED");
        assertThat(channelOf(id)).isEqualTo("SIMBANK");
        JsonObject bank = Simulator.charges(id);
        assertThat(bank.getInt("requests")).as("the 500, then the submission after the query found nothing").isEqualTo(2);
        assertThat(bank.getInt("charges")).isEqualTo(1);
        assertThat(Simulator.bank2Charges(id).getInt("requests")).as("never sent to a second bank").isZero();
        assertThat(Database.count("SELECT COUNT(*) FROM state_transition WHERE aggregate_id = ? AND to_state = 'PROCESSING'",
                id)).as("one transition to PROCESSING, however often it was submitted").isEqualTo(1);
    }

    @Test
    void aBankThatIsDownTripsItsBreakerAndPaymentsFailOverToTheSecondBank() {
        Simulator.configure("{\"failNextRequests\":1000,\"failStatus\":503}");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = merchant.pay(Payments.newOrderNo("failover"), 3400 + i);
            ids.add(id);
            assertThat(Payments.awaitFinal(merchant, id, LIMIT).getString("state")).isEqualTo("SUCCEEDED");
        }

        for (String id : ids) {
            assertThat(channelOf(id)).isEqualTo("SIMBANK2");
            assertThat(Simulator.charges(id).getInt("charges")).as("SIMBANK refused " + id + " at the door").isZero();
            JsonObject second = Simulator.bank2Charges(id);
            assertThat(second.getInt("requests")).isEqualTo(1);
            assertThat(second.getInt("charges")).isEqualTo(1);
        }
        long askedFirst = ids.stream().filter(id -> Simulator.charges(id).getInt("requests") > 0).count();
        assertThat(askedFirst).as("after the breaker opened, SIMBANK was no longer asked").isLessThan(ids.size());
        assertThat(Simulator.charges(ids.get(ids.size() - 1)).getInt("requests")).isZero();

        // SIMBANK recovers: once the breaker's delay has passed, a trial payment goes to it again
        Simulator.reset();
        String back = Await.until("a payment to reach SIMBANK again", LIMIT, () -> {
            String id = merchant.pay(Payments.newOrderNo("recovered"), 3500);
            Payments.awaitFinal(merchant, id, LIMIT);
            return id;
        }, id -> "SIMBANK".equals(channelOf(id)));
        assertThat(Simulator.charges(back).getInt("charges")).isEqualTo(1);
    }
}
