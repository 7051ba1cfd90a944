package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A generated day: payments of 20 merchants through the real merchant API ({@value #DEFAULT_PAYMENTS}
 * by default; {@code -Dpayrail.systest.day.payments=10000} for the full day, which took 17
 * minutes on the shared 2-core box: about 15 payments a second end to end, benchmarks/README.md), at SIMBANK and (while SIMBANK refuses at the door)
 * SIMBANK2, some declined, a tenth partly refunded; both banks' statements imported and
 * reconciled by batch jobs, the day settled T+0 by the draft job and paid out by the payout job,
 * Payara killed with {@code kill -9} in the middle of the payout job, which the restarted server
 * resumes: every merchant is paid exactly paid − refunded − fees, by one execution at the bank,
 * booked once. Through the API because that is what is tested (no fast
 * path); 16 clients keep the 2-core box busy.
 */
class SettlementDayIT {

    private static final Logger LOG = Logger.getLogger(SettlementDayIT.class.getName());
    private static final int DEFAULT_PAYMENTS = 400;
    private static final int PAYMENTS = Integer.getInteger("payrail.systest.day.payments", DEFAULT_PAYMENTS);
    private static final int MERCHANTS = 20;
    private static final String ACCOUNT = "DE89370400440532013000";
    private static final int RATE_BPS = 180;
    private static final long FIXED = 20;

    @AfterEach
    void healthyBanks() {
        Simulator.reset();
    }

    /** docs/settlement.md §3: bps half up, plus the fixed part. */
    private static long fee(long amount) {
        return (amount * RATE_BPS + 5_000) / 10_000 + FIXED;
    }

    /** The first refund's share of the fee, pro rata, half up. */
    private static long feeBack(long fee, long refund, long amount) {
        return (2 * fee * refund + amount) / (2 * amount);
    }

    @Test
    void aGeneratedDayIsImportedReconciledSettledAndPaidOnceThroughAKill() throws Exception {
        String today = UtcDays.today(Duration.ofMinutes(PAYMENTS > 1_000 ? 30 : 8)).toString();
        List<TestMerchant> merchants = new ArrayList<>();
        for (int i = 0; i < MERCHANTS; i++) {
            TestMerchant m = Merchants.fresh("DAY" + i, 1_000_000);
            Staff.as(Staff.FINANCE, "POST", "/rate-plans", Json.createObjectBuilder().add("merchantId", m.id())
                    .add("paymentMethod", "BANK_CARD").add("currency", "USD").add("effectiveFrom", today)
                    .add("rateBps", RATE_BPS).add("fixedMinor", FIXED).add("refundPolicy", "PRO_RATA").build()
                    .toString(), 201);
            Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + m.id(), Json.createObjectBuilder()
                    .add("delayDays", 0).add("account", ACCOUNT).add("name", "Day merchant " + i).build().toString(),
                    200);
            merchants.add(m);
        }
        // a third of the way SIMBANK refuses at the door: those payments go to SIMBANK2
        Simulator.configure("{\"failOperations\":[\"PAY\"],\"failNextRequests\":" + PAYMENTS / 3 + ",\"failStatus\":503}");

        long started = System.nanoTime();
        Random random = new Random(42);
        Map<String, long[]> orders = new ConcurrentHashMap<>(); // id → {merchant index, amount}
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            int merchant = i % MERCHANTS;
            long amount = 100 + random.nextInt(99_900);
            long checked = amount % 100 == 13 || amount % 100 == 14 ? amount + 2 : amount;
            long paid = i % 50 == 7 ? amount - amount % 100 + 13 : checked; // 2 % declined
            sent.add(clients.submit(() -> {
                String id = merchants.get(merchant).pay(Payments.newOrderNo("day"), paid);
                orders.put(id, new long[] {merchant, paid});
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        Await.until("every payment of the day final", Duration.ofMinutes(10), () -> Database.count(
                "SELECT COUNT(*) FROM payment_order WHERE state IN ('CREATED', 'PROCESSING') AND merchant_id IN ("
                        + inList(merchants) + ")") == 0);
        LOG.info(() -> "FIGURE " + PAYMENTS + " payments final: " + seconds(started) + " s");

        Map<String, String> state = Database.pairs("SELECT id, state FROM payment_order WHERE merchant_id IN ("
                + inList(merchants) + ")");
        List<String> succeeded = orders.keySet().stream().filter(id -> "SUCCEEDED".equals(state.get(id))).sorted().toList();
        assertThat(succeeded.size()).as("most payments succeed").isGreaterThan(PAYMENTS * 9 / 10);
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE channel_id = 'SIMBANK2' AND merchant_id IN ("
                + inList(merchants) + ")")).as("both banks took payments").isPositive();

        Map<String, Long> refunded = new ConcurrentHashMap<>();
        List<Future<?>> refunds = new ArrayList<>();
        for (int i = 0; i < succeeded.size(); i += 10) {
            String id = succeeded.get(i);
            long[] o = orders.get(id);
            long amount = o[1] / 2;
            refunds.add(clients.submit(() -> {
                PayrailResponse r = merchants.get((int) o[0]).post("/api/v1/payments/" + id + "/refunds",
                        Json.createObjectBuilder().add("merchantRefundNo", "day-r-" + id).add("amount", amount).build()
                                .toString());
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                refunded.put(id, amount);
            }));
        }
        for (Future<?> f : refunds) {
            f.get();
        }
        clients.shutdown();
        Await.until("every refund final", Duration.ofMinutes(5), () -> Database.count(
                "SELECT COUNT(*) FROM refund WHERE state = 'PENDING' AND merchant_id IN (" + inList(merchants) + ")") == 0);
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE state = 'SUCCEEDED' AND merchant_id IN ("
                + inList(merchants) + ")")).isEqualTo(refunded.size());

        for (String bank : List.of("SIMBANK", "SIMBANK2")) {
            long reconciling = System.nanoTime();
            JsonObject job = job("RECONCILIATION", today, bank, Duration.ofMinutes(15));
            LOG.info(() -> "FIGURE " + bank + " statement import and reconciliation job (" + job.getInt("total")
                    + " movements): " + millis(reconciling) + " ms");
            assertThat(job.getJsonNumber("done").longValue()).isEqualTo(job.getJsonNumber("total").longValue());
            // the day is reconciled: this answers its classes and cases without new work
            JsonObject day = Staff.as(Staff.FINANCE, "POST", "/reconciliation/" + bank + "/" + today, null, 200).json();
            assertThat(day.getJsonArray("cases").stream().map(JsonValue::asJsonObject)
                    .filter(c -> c.getString("merchantId", "").startsWith("DAY"))
                    .filter(c -> merchants.stream().anyMatch(m -> m.id().equals(c.getString("merchantId")))))
                    .as("nothing of the day disagrees at %s", bank).isEmpty();
        }

        Map<Integer, Long> expected = new HashMap<>();
        for (String id : succeeded) {
            long[] o = orders.get(id);
            long fee = fee(o[1]);
            long refund = refunded.getOrDefault(id, 0L);
            long net = o[1] - fee - refund + (refund == 0 ? 0 : feeBack(fee, refund, o[1]));
            expected.merge((int) o[0], net, Long::sum);
        }

        long settling = System.nanoTime();
        JsonObject drafts = job("SETTLEMENT_DRAFT", today, null, Duration.ofMinutes(10));
        LOG.info(() -> "FIGURE settlement draft job (" + drafts.getInt("total") + " merchants): " + millis(settling)
                + " ms");
        assertThat(drafts.getJsonNumber("succeeded").longValue()).as("a batch per merchant of the day, at least")
                .isGreaterThanOrEqualTo(MERCHANTS);
        assertThat(job("SETTLEMENT_DRAFT", today, null, Duration.ofMinutes(10)).getJsonNumber("succeeded").longValue())
                .as("a second run makes nothing new").isZero();
        List<String> settlementIds = new ArrayList<>();
        for (int i = 0; i < MERCHANTS; i++) {
            var items = Staff.as(Staff.FINANCE, "GET", "/settlements?merchantId=" + merchants.get(i).id(), null, 200).json()
                    .getJsonArray("items");
            assertThat(items).as("one batch for merchant %d, however many runs", i).hasSize(1);
            JsonObject s = items.getJsonObject(0);
            assertThat(s.getJsonNumber("net").longValue()).as("merchant %d: paid − refunded − fees", i)
                    .isEqualTo(expected.get(i));
            settlementIds.add(s.getString("id"));
            Staff.as(Staff.FINANCE, "POST", "/settlements/" + s.getString("id") + "/approval", null, 200);
        }

        // the payout job, slowed down by the bank, is killed with Payara once its first payout is
        // booked; the restarted server resumes the job from its last committed step
        Simulator.configure("{\"latencyMs\":300}");
        long paying = System.nanoTime();
        String payoutJob = Staff.as(Staff.FINANCE, "POST", "/jobs", jobRequest("SETTLEMENT_PAYOUT", today, null), 202)
                .json().getString("id");
        assertThat(Staff.as(Staff.FINANCE, "POST", "/jobs", jobRequest("SETTLEMENT_PAYOUT", today, null), 409).json()
                .getString("code")).as("the same job twice at once").isEqualTo("JOB_CONFLICT");
        Await.until("a first payout booked", Duration.ofMinutes(2), () -> Database.count(
                "SELECT COUNT(*) FROM settlement WHERE state = 'PAID' AND merchant_id IN (" + inList(merchants) + ")") > 0);
        Stack.kill("payara");
        long paidAtKill = Database.count("SELECT COUNT(*) FROM settlement WHERE state = 'PAID' AND merchant_id IN ("
                + inList(merchants) + ")");
        LOG.info(() -> "Payara killed with " + paidAtKill + " of " + MERCHANTS + " settlements paid");
        assertThat(paidAtKill).as("the kill landed in the middle of the job").isLessThan(MERCHANTS);
        Stack.start("payara");
        JsonObject payouts = awaitJob(payoutJob, Duration.ofMinutes(5));
        LOG.info(() -> "FIGURE settlement payout job through a kill -9 (" + payouts.getInt("total") + " settlements): "
                + millis(paying) + " ms");
        assertThat(payouts.getInt("resumes")).as("the restarted server resumed the job").isPositive();
        for (String id : settlementIds) {
            assertThat(Staff.as(Staff.FINANCE, "GET", "/settlements/" + id, null, 200).json().getString("state"))
                    .isEqualTo("PAID");
        }
        for (int i = 0; i < MERCHANTS; i++) {
            String id = settlementIds.get(i);
            JsonObject record = Simulator.transferRecord(id);
            assertThat(record.getInt("executions")).as("settlement %s paid out once", id).isEqualTo(1);
            assertThat(record.getJsonNumber("amount").longValue()).isEqualTo(expected.get(i));
            assertThat(Database.count("SELECT COUNT(*) FROM journal_entry WHERE reference_id = ?", id))
                    .as("approved and paid booked once each").isEqualTo(2);
        }
        assertThat(Database.count("SELECT COUNT(*) FROM settlement_line l JOIN settlement s ON s.id = l.settlement_id"
                + " WHERE s.merchant_id IN (" + inList(merchants) + ")"))
                .as("every capture and refund in exactly one line").isEqualTo(succeeded.size() + refunded.size());
        assertThat(Database.count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p WHERE p.currency = 'USD'"))
                .as("trial balance").isZero();
        LOG.info(() -> "the whole day took " + seconds(started) + " s");
    }

    /** Starts a batch job and waits until it is DONE; answers its last state. */
    private static JsonObject job(String kind, String day, String channel, Duration within) {
        String id = Staff.as(Staff.FINANCE, "POST", "/jobs", jobRequest(kind, day, channel), 202).json().getString("id");
        return awaitJob(id, within);
    }

    private static String jobRequest(String kind, String day, String channel) {
        var body = Json.createObjectBuilder().add("kind", kind).add("day", day);
        if (channel != null) {
            body.add("channelId", channel);
        }
        return body.build().toString();
    }

    private static JsonObject awaitJob(String id, Duration within) {
        return Await.until("job " + id + " DONE", within,
                () -> Staff.as(Staff.FINANCE, "GET", "/jobs/" + id, null, 200).json(),
                j -> "DONE".equals(j.getString("state")));
    }

    private static String inList(List<TestMerchant> merchants) {
        return String.join(",", merchants.stream().map(m -> "'" + m.id() + "'").toList());
    }

    private static long millis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}
