package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.verification.PlatformSignatureVerifier;
import io.payrail.sdk.verification.SignatureVerificationException;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Merchant notifications against a real HTTP endpoint playing the merchant: retried on the
 * schedule until acknowledged, signed by the platform, the same event id on every attempt and on
 * a re-delivery. (The test stack's schedule is 1s,1s,2s,2s,3s; production's is WeChat Pay's.)
 */
class NotificationIT {

    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));

    /** One POST the merchant endpoint received. */
    private record Received(Instant at, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        }
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void merchantEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/notify", exchange -> {
            received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String notifyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/notify";
    }

    private List<Received> awaitReceived(int count, Duration limit) {
        Await.until(count + " notification POSTs", limit, () -> received.size() >= count);
        return List.copyOf(received);
    }

    @Test
    void anEndpointFailingThreeTimesGetsExactlyOneAcknowledgedDeliveryOnTheFourthAttempt() throws Exception {
        failuresLeft.set(3);
        TestMerchant merchant = Merchants.fresh("NOTIFY", 10_000, notifyUrl());
        String order = merchant.pay(Payments.newOrderNo("notify"), 2100);

        List<Received> posts = awaitReceived(4, Duration.ofSeconds(30));
        Thread.sleep(SCHEDULE.get(3).toMillis() + 1_500); // longer than the next wait: no fifth attempt may come

        assertThat(received).hasSize(4);
        PlatformSignatureVerifier verifier = new PlatformSignatureVerifier(merchant.client().platformCertificates());
        String eventId = posts.get(0).json().getString("eventId");
        for (Received post : posts) {
            verifier.verifyNotification(post::header, post.body(), merchant.id());
            assertThat(post.header("Payrail-Event-Id")).isEqualTo(eventId);
            JsonObject event = post.json();
            assertThat(event.getString("eventId")).isEqualTo(eventId);
            assertThat(event.getString("merchantId")).isEqualTo(merchant.id());
            assertThat(post.header("Payrail-Merchant-Id")).isEqualTo(merchant.id());
            assertThat(event.getString("eventType")).isEqualTo("payment.succeeded");
            assertThat(event.getInt("sequence")).isEqualTo(1);
            assertThat(event.getJsonObject("data").getString("id")).isEqualTo(order);
            assertThat(event.getJsonObject("data").getString("state")).isEqualTo("SUCCEEDED");
        }
        for (int i = 1; i < posts.size(); i++) {
            Duration gap = Duration.between(posts.get(i - 1).at(), posts.get(i).at());
            assertThat(gap).as("wait before attempt " + (i + 1)).isGreaterThanOrEqualTo(SCHEDULE.get(i - 1).minusMillis(100));
        }

        JsonObject listed = TestMerchant.json(merchant.get("/api/v1/payments/" + order + "/notifications"));
        JsonObject notification = listed.getJsonArray("items").getJsonObject(0);
        assertThat(notification.getString("eventId")).isEqualTo(eventId);
        assertThat(notification.getString("state")).isEqualTo("DELIVERED");
        assertThat(notification.getInt("attempts")).isEqualTo(4);
        assertThat(notification.getJsonArray("deliveries").getValuesAs(JsonObject.class))
                .extracting(d -> d.getInt("httpStatus")).containsExactly(500, 500, 500, 200);
    }

    @Test
    void aRedeliveryCarriesTheSameEventIdAndAForgedOneDoesNotVerify() throws Exception {
        TestMerchant merchant = Merchants.fresh("REDELIVER", 10_000, notifyUrl());
        merchant.pay(Payments.newOrderNo("redeliver"), 2200);
        Received first = awaitReceived(1, Duration.ofSeconds(15)).get(0);
        String eventId = first.json().getString("eventId");
        Await.until("the delivery to be recorded", Duration.ofSeconds(10), () -> "DELIVERED".equals(
                TestMerchant.json(merchant.get("/api/v1/notifications/" + eventId)).getString("state")));

        PayrailResponse asked = merchant.post("/api/v1/notifications/" + eventId + "/redeliver", null);

        assertThat(asked.status()).isEqualTo(200);
        Received again = awaitReceived(2, Duration.ofSeconds(15)).get(1);
        assertThat(again.json().getString("eventId")).isEqualTo(eventId);
        assertThat(again.header("Payrail-Event-Id")).isEqualTo(eventId);
        PlatformSignatureVerifier verifier = new PlatformSignatureVerifier(merchant.client().platformCertificates());
        verifier.verifyNotification(again::header, again.body(), merchant.id());

        byte[] forged = new String(again.body(), StandardCharsets.UTF_8).replace("SUCCEEDED", "REFUNDED")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verifyNotification(again::header, forged, merchant.id()))
                .isInstanceOf(SignatureVerificationException.class);
        assertThat(merchant.post("/api/v1/notifications/evt_NOPE/redeliver", null).status()).isEqualTo(404);
    }

    /**
     * The attack the binding stops: merchant A numbers and prices an order like merchant B's, pays
     * it, and forwards Payrail's signed payment.succeeded to B. B's verifier refuses it; B's own
     * notification for the same order number verifies.
     */
    @Test
    void aNotificationForOneMerchantDoesNotVerifyForAnother() throws Exception {
        TestMerchant a = Merchants.fresh("NOTIFY-A", 10_000, notifyUrl());
        TestMerchant b = Merchants.fresh("NOTIFY-B", 10_000, notifyUrl());
        String orderNo = Payments.newOrderNo("twin");
        String paidByA = a.pay(orderNo, 2400);
        String paidByB = b.pay(orderNo, 2400);
        List<Received> posts = awaitReceived(2, Duration.ofSeconds(20));
        Received forA = posts.stream().filter(p -> p.json().getJsonObject("data").getString("id").equals(paidByA))
                .findFirst().orElseThrow();
        Received forB = posts.stream().filter(p -> p.json().getJsonObject("data").getString("id").equals(paidByB))
                .findFirst().orElseThrow();
        PlatformSignatureVerifier verifier = new PlatformSignatureVerifier(b.client().platformCertificates());

        verifier.verifyNotification(forA::header, forA.body(), a.id());
        verifier.verifyNotification(forB::header, forB.body(), b.id());
        assertThat(forA.json().getJsonObject("data").getString("merchantOrderNo")).isEqualTo(orderNo);
        assertThatThrownBy(() -> verifier.verifyNotification(forA::header, forA.body(), b.id()))
                .as("A's notification forwarded to B")
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT));
        assertThatThrownBy(() -> verifier.verifyResponse(forA::header, forA.body(), a.id(), ""))
                .as("a notification passed off as an API answer")
                .isInstanceOf(SignatureVerificationException.class);
    }
}
