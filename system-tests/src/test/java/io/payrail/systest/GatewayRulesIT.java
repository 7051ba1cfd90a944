package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailResponse;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The gateway's promises beyond authentication: exactly one order per merchant order number under
 * concurrency, Idempotency-Key semantics, one merchant never seeing another's orders, the rate
 * limit, search, and closing.
 */
class GatewayRulesIT {

    private static final String PATH = "/api/v1/payments";

    @Test
    void fiftyConcurrentCreatesWithOneMerchantOrderNumberMakeOneOrder() throws Exception {
        TestMerchant merchant = Merchants.fresh("RACE", 100_000);
        String number = Payments.newOrderNo("race");
        String body = Payments.body(number, 4200);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<PayrailResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> merchant.post(PATH, body));
            }
            List<PayrailResponse> answers = new ArrayList<>();
            for (Future<PayrailResponse> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers).extracting(PayrailResponse::status).containsOnly(200, 201);
            assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(1);
            Set<String> ids = new HashSet<>();
            answers.forEach(a -> ids.add(TestMerchant.json(a).getString("id")));
            assertThat(ids).hasSize(1);
            assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ? AND merchant_order_no = ?",
                    merchant.id(), number)).isEqualTo(1);
            String id = ids.iterator().next();
            Payments.awaitFinal(merchant, id, Duration.ofSeconds(10));
            assertThat(Simulator.charges(id).getInt("charges")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        TestMerchant merchant = Merchants.fresh("IDEM", 10_000);
        String key = "idem-" + java.util.UUID.randomUUID();
        String body = Payments.body(Payments.newOrderNo("idem"), 700);

        PayrailResponse first = merchant.post(PATH, body, key);
        PayrailResponse again = merchant.post(PATH, body, key);
        PayrailResponse other = merchant.post(PATH, Payments.body(Payments.newOrderNo("idem-other"), 700), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as("the first answer, status included").isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.isSignatureVerified()).isTrue();
        assertThat(other.status()).isEqualTo(422);
        assertThat(TestMerchant.json(other).getString("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ?", merchant.id())).isEqualTo(1);
    }

    /**
     * Finding: an Idempotency-Key froze a transient answer (409 PAYMENT_PROCESSING) for its whole
     * retention, so the merchant's retry could never learn that the close had gone through. A
     * transient refusal releases the key: the retry runs again.
     */
    @Test
    void anIdempotencyKeyDoesNotFreezeATransientRefusal() {
        TestMerchant merchant = Merchants.fresh("IDEM-T", 10_000);
        String body = Json.createObjectBuilder().add("merchantOrderNo", Payments.newOrderNo("idem-close"))
                .add("amount", 900).add("currency", "USD").add("subject", "closed twice").add("paymentMethod", "WALLET")
                .build().toString();
        String id = TestMerchant.json(merchant.post(PATH, body)).getString("id");
        Await.until("the wallet payment to wait for its payer", Duration.ofSeconds(30),
                () -> merchant.payment(id).containsKey("payUrl"));
        // WALLET's next close fails with an answer that says nothing: the close's outcome is unknown
        Simulator.walletFaults("{\"fail\":{\"status\":500,\"operations\":[\"CLOSE\"],\"refs\":{\"" + id + "\":1}}}");
        String key = "idem-close-" + java.util.UUID.randomUUID();
        try {
            PayrailResponse unknown = merchant.post(PATH + "/" + id + "/close", null, key);
            assertThat(unknown.status()).isEqualTo(409);
            assertThat(TestMerchant.json(unknown).getString("code")).isEqualTo("PAYMENT_PROCESSING");

            PayrailResponse retried = merchant.post(PATH + "/" + id + "/close", null, key);

            assertThat(retried.header("Idempotent-Replayed")).as("not the frozen 409").isEmpty();
            assertThat(retried.status()).isEqualTo(200);
            assertThat(TestMerchant.json(retried).getString("state")).isEqualTo("CLOSED");
            assertThat(merchant.post(PATH + "/" + id + "/close", null, key).header("Idempotent-Replayed"))
                    .as("a final answer is kept for the key").hasValue("true");
        } finally {
            Simulator.reset();
        }
    }

    @Test
    void aMerchantCannotSeeOrTouchAnotherMerchantsPayments() {
        TestMerchant a = Merchants.fresh("ISO-A", 10_000);
        TestMerchant b = Merchants.fresh("ISO-B", 10_000);
        String number = Payments.newOrderNo("iso");
        String bOrder = b.pay(number, 900);
        Payments.awaitFinal(b, bOrder, Duration.ofSeconds(10));

        assertThat(a.get(PATH + "/" + bOrder).status()).isEqualTo(404);
        assertThat(TestMerchant.json(a.get(PATH + "/" + bOrder)).getString("code")).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(a.get(PATH + "/merchant-order-no/" + number).status()).isEqualTo(404);
        assertThat(a.post(PATH + "/" + bOrder + "/close", null).status()).isEqualTo(404);
        assertThat(a.post(PATH + "/" + bOrder + "/refunds", "{\"merchantRefundNo\":\"r1\",\"amount\":1}").status())
                .isEqualTo(404);
        assertThat(a.get(PATH + "/" + bOrder + "/refunds").status()).isEqualTo(404);
        assertThat(TestMerchant.json(a.get(PATH)).getJsonArray("items")).isEmpty();
        assertThat(Database.count("SELECT COUNT(*) FROM refund WHERE payment_order_id = ?", bOrder)).isZero();
        // the same number is free for merchant A: order numbers are per merchant
        assertThat(a.post(PATH, Payments.body(number, 900)).status()).isEqualTo(201);
    }

    @Test
    void overTheRateLimitIs429WithRetryAfter() {
        TestMerchant merchant = Merchants.fresh("RATE", 5);
        List<Integer> statuses = new ArrayList<>();
        PayrailResponse limited = null;
        for (int i = 0; i < 12; i++) {
            PayrailResponse answer = merchant.get(PATH + "?limit=1");
            statuses.add(answer.status());
            if (answer.status() == 429) {
                limited = answer;
            }
        }

        // 12 requests span at most two one-minute windows of 5: at least 2 are over the limit
        assertThat(statuses).containsOnly(200, 429);
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(2);
        assertThat(limited).isNotNull();
        assertThat(TestMerchant.json(limited).getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
    }

    @Test
    void searchFiltersByStateAndTimeAndPagesWithACursor() {
        TestMerchant merchant = Merchants.fresh("SEARCH", 10_000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(merchant.pay(Payments.newOrderNo("search"), 100 + i));
        }
        String declined = merchant.pay(Payments.newOrderNo("search-declined"), 1013);
        ids.add(declined);
        ids.forEach(id -> Payments.awaitFinal(merchant, id, Duration.ofSeconds(10)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = TestMerchant.json(merchant.get(PATH + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> seen.add(p.getString("id")));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        JsonObject failed = TestMerchant.json(merchant.get(PATH + "?state=FAILED"));
        assertThat(failed.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(p -> p.getString("id"))
                .containsExactly(declined);
        assertThat(TestMerchant.json(merchant.get(PATH + "?createdTo=2000-01-01T00:00:00Z")).getJsonArray("items")).isEmpty();
        assertThat(merchant.get(PATH + "?state=PAID").status()).isEqualTo(400);
        assertThat(merchant.get(PATH + "?limit=1000").status()).isEqualTo(400);
        assertThat(merchant.get(PATH + "?createdFrom=yesterday").status()).isEqualTo(400);
        assertThat(merchant.get(PATH + "?cursor=bm90LWEtY3Vyc29y").status()).isEqualTo(400);
    }

    @Test
    void onlyAnUnpaidPaymentCanBeClosed() {
        TestMerchant merchant = Merchants.demo();
        String paid = merchant.pay(Payments.newOrderNo("close-paid"), 800);
        Payments.awaitFinal(merchant, paid, Duration.ofSeconds(10));

        PayrailResponse refused = merchant.post(PATH + "/" + paid + "/close", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(TestMerchant.json(refused).getString("code")).isEqualTo("ILLEGAL_STATE_TRANSITION");
        assertThat(merchant.payment(paid).getString("state")).isEqualTo("SUCCEEDED");
    }
}
