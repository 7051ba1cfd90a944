package io.payrail.channel.wallet;

import io.payrail.channel.ExampleKeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ChannelOutcome;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.channel.wallet.FakeWallet.Answer;
import io.payrail.channel.wallet.FakeWallet.Signing;
import io.payrail.common.Money;
import io.payrail.order.application.ChannelSubmission;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.refund.RefundSubmission;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome of every answer wallet.md documents, against a local WALLET (FakeWallet). */
class WalletConnectorTest {

    static final long NOW = 1772359200L;
    static final String WL = "wl_c51ce410c124a10e0db5e4b97fc2af39";
    static final String WLR = "wlr_f9c28a32bf67cd2fb7f7ac3668179919";
    static final String PAY_URL = "http://127.0.0.1:8290/sim/pages/wallet/0c69";
    static final Money TEA_PRICE = Money.ofMinor(1999, "CNY");
    static final Money REFUNDED = Money.ofMinor(999, "CNY");
    /** The first submission of the order (the router chose WALLET for it). */
    static final ChannelSubmission TEA = new ChannelSubmission("ord_3001", "mch_1", TEA_PRICE, "Tea",
            PaymentMethod.WALLET, null);
    /** The same order sent again (an earlier dispatch already gave it to WALLET). */
    static final ChannelSubmission TEA_RESENT = new ChannelSubmission("ord_3001", "mch_1", TEA_PRICE, "Tea",
            PaymentMethod.WALLET, "WALLET");
    static final RefundSubmission REFUND = new RefundSubmission("rf_1", "ord_3001", REFUNDED, "WALLET", 1);
    static final RefundSubmission REFUND_RESENT = new RefundSubmission("rf_1", "ord_3001", REFUNDED, "WALLET", 2);

    FakeWallet wallet;
    WalletConnector connector;

    @BeforeEach
    void start() throws IOException {
        wallet = new FakeWallet(NOW);
        connector = connector(wallet.baseUrl(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
    }

    @AfterEach
    void stop() {
        connector.disconnect();
        wallet.close();
    }

    private static WalletConnector connector(String url, WalletPublicKey key, long readTimeoutMillis) {
        WalletConnector c = new WalletConnector(url, 1_000, readTimeoutMillis, WalletExamples.platformSigner(), key,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        c.open();
        return c;
    }

    static String order(String ref, String status, String extra) {
        return "{\"orderId\":\"" + WL + "\",\"merchantRef\":\"" + ref + "\",\"status\":\"" + status
                + "\",\"amount\":1999,\"currency\":\"CNY\",\"subject\":\"Tea\"" + extra
                + ",\"createdAt\":\"2026-03-01T10:00:00.050Z\"}";
    }

    static String pending(String ref) {
        return order(ref, "PENDING", ",\"payUrl\":\"" + PAY_URL + "\",\"qrCode\":\"simwallet://pay/0c69\"");
    }

    static String refund(String ref, String status) {
        return "{\"refundId\":\"" + WLR + "\",\"refundRef\":\"" + ref + "\",\"orderId\":\"" + WL
                + "\",\"merchantRef\":\"ord_3001\",\"status\":\"" + status
                + "\",\"amount\":999,\"currency\":\"CNY\",\"createdAt\":\"2026-03-01T10:05:00Z\",\"duplicate\":false}";
    }

    static String error(String code) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + code.toLowerCase() + " happened\"}";
    }

    /** An error that names the refund it refuses (wallet.md §7). */
    static String refundError(String code) {
        return "{\"error\":\"" + code + "\",\"message\":\"" + code.toLowerCase() + " happened\",\"refundRef\":\"rf_1\"}";
    }

    /** The request is signed with the platform key, for this method and path, now, over its exact body. */
    private static void assertSigned(FakeWallet.Request request, String method, String pathAndQuery) throws Exception {
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.pathAndQuery()).isEqualTo(pathAndQuery);
        JsonObject header = DetachedJws.verify(request.signature(), request.body(), ExampleKeys.PLATFORM_PUBLIC);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(header.getString("kid")).isEqualTo(ExampleKeys.PLATFORM_KID);
        assertThat(DetachedJws.issuedAt(header)).isEqualTo(NOW);
        assertThat(header.getString("htm")).isEqualTo(method);
        assertThat(header.getString("htu")).isEqualTo(pathAndQuery);
        assertThat(header.getString("jti")).as("a fresh id the answer must echo").matches("[A-Za-z0-9_-]{32}");
    }

    @Test
    void isTheWalletChannel() {
        assertThat(connector.channelId()).isEqualTo("WALLET");
        assertThat(connector.supportedMethods()).isEqualTo(Set.of(PaymentMethod.WALLET));
    }

    @Nested
    class Pay {

        @Test
        void sendsTheGuidesWorkedExampleBodySignedWithAFreshJtiAndGetsAPendingOrder() throws Exception {
            wallet.answer("POST", "orders", 200, pending("ord_3001")).answer("POST", "orders", 200, pending("ord_3001"));

            ChannelOutcome outcome = connector.pay(TEA);
            connector.pay(TEA);

            assertThat(outcome).isEqualTo(ChannelOutcome.pending(WL, PAY_URL));
            FakeWallet.Request request = wallet.requests().get(0);
            assertThat(request.bodyText()).isEqualTo(DetachedJwsTest.REQUEST_BODY);
            assertThat(request.contentType()).startsWith("application/json");
            assertSigned(request, "POST", "/sim/wallet/v1/orders");
            assertThat(wallet.requests().get(1).signature()).as("every request its own jti").isNotEqualTo(request.signature());
        }

        @Test
        void leavesOutAMissingSubjectAndCutsALongOneToWalletsLimit() throws Exception {
            wallet.answer("POST", "orders", 200, pending("ord_1")).answer("POST", "orders", 200, pending("ord_2"));

            connector.pay(new ChannelSubmission("ord_1", "m", Money.ofMinor(5, "JPY"), null, PaymentMethod.WALLET, "WALLET"));
            connector.pay(new ChannelSubmission("ord_2", "m", Money.ofMinor(5, "JPY"), "x".repeat(300),
                    PaymentMethod.WALLET, "WALLET"));

            assertThat(wallet.requests().get(0).bodyText())
                    .isEqualTo("{\"merchantRef\":\"ord_1\",\"amount\":5,\"currency\":\"JPY\"}");
            assertThat(wallet.requests().get(1).bodyText()).contains("\"subject\":\"" + "x".repeat(256) + "\"}");
        }

        @Test
        void aDuplicateOfADecidedOrderGivesItsDecision() {
            wallet.answer("POST", "orders", 200, order("ord_3001", "PAID", ",\"paidAt\":\"2026-03-01T10:01:00Z\",\"duplicate\":true"))
                    .answer("POST", "orders", 200, order("ord_3001", "DECLINED",
                            ",\"declineCode\":\"INSUFFICIENT_BALANCE\",\"declineMessage\":\"balance too low\",\"duplicate\":true"));

            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.succeeded(WL, TEA_PRICE));
            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.declined(WL, "INSUFFICIENT_BALANCE", "balance too low"));
        }

        @Test
        void aReusedReferenceIsAnsweredByTheQuery() throws Exception {
            wallet.answer("POST", "orders", 409, error("MERCHANT_REF_REUSED"))
                    .answer("GET", "orders/by-ref/ord_3001", 200, order("ord_3001", "PAID", ""));

            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.succeeded(WL, TEA_PRICE));
            List<FakeWallet.Request> requests = wallet.requests();
            assertThat(requests).hasSize(2);
            assertSigned(requests.get(1), "GET", "/sim/wallet/v1/orders/by-ref/ord_3001");
            assertThat(requests.get(1).body()).isEmpty();
        }

        @Test
        void aReusedReferenceWhoseQueryFailsIsUnknown() {
            wallet.answer("POST", "orders", 409, error("MERCHANT_REF_REUSED"))
                    .answer("GET", "orders/by-ref/ord_3001", 500, error("SYSTEM_ERROR"));

            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void aClosedReferenceIsClosed() {
            wallet.answer("POST", "orders", 409, error("ORDER_CLOSED"));

            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.closed(null));
        }

        @ParameterizedTest
        @CsvSource({"400,INVALID_REQUEST", "401,SIGNATURE_INVALID", "422,CURRENCY_MISMATCH"})
        void aRefusalOfTheFirstSubmissionIsADeclineWithWalletsCode(int status, String code) {
            wallet.answer("POST", "orders", status, error(code));

            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.declined(null, code, code.toLowerCase() + " happened"));
        }

        /** An earlier copy of a resent request may have been processed: its refusal proves nothing. */
        @ParameterizedTest
        @CsvSource({"400,INVALID_REQUEST", "401,SIGNATURE_INVALID", "403,FORBIDDEN", "422,CURRENCY_MISMATCH"})
        void aRefusalOfAResendIsUnknown(int status, String code) {
            wallet.answer("POST", "orders", status, error(code));

            assertThat(connector.pay(TEA_RESENT).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void aThrottledFirstSubmissionIsUnavailable() {
            wallet.answer("POST", "orders", 429, error("TOO_MANY_REQUESTS"));

            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNAVAILABLE);
        }

        /**
         * Finding: WALLET's answers were checked only for a signature over the body, so an answer
         * captured from another exchange, or an old one, was believed.
         */
        @ParameterizedTest
        @CsvSource({"UNBOUND", "OTHER_REQUEST", "STALE"})
        void anAnswerNotBoundToThisRequestOrNotFreshIsNotTrusted(Signing signing) {
            wallet.answer("POST", "orders", new Answer(200, order("ord_3001", "PAID", ""), signing, 0))
                    .answer("POST", "orders", new Answer(400, error("INVALID_REQUEST"), signing, 0))
                    .answer("GET", "orders/by-ref/ord_3001", new Answer(404, error("ORDER_NOT_FOUND"), signing, 0));

            ChannelOutcome paid = connector.pay(TEA);
            assertThat(paid.status()).isEqualTo(Status.UNKNOWN);
            assertThat(paid.message()).contains("not trusted");
            assertThat(connector.pay(TEA).status()).as("nor a refusal").isEqualTo(Status.UNKNOWN);
            assertThat(connector.query("ord_3001").status()).as("nor a not-found").isEqualTo(Status.UNKNOWN);
        }

        @Test
        void aPaymentThatDoesNotSayHowMuchWasTakenIsUnknown() {
            wallet.answer("POST", "orders", 200, "{\"orderId\":\"" + WL + "\",\"merchantRef\":\"ord_3001\",\"status\":\"PAID\"}");

            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void thePaymentReportsTheMoneyWalletTook() {
            wallet.answer("POST", "orders", 200, order("ord_3001", "PAID", "").replace("1999", "500"));

            assertThat(connector.pay(TEA)).isEqualTo(ChannelOutcome.succeeded(WL, Money.ofMinor(500, "CNY")));
        }

        @Test
        void theFrontDoorsUnsigned503IsUnavailable() {
            wallet.answer("POST", "orders", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED, 0));

            ChannelOutcome outcome = connector.pay(TEA);

            assertThat(outcome.status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(outcome.message()).contains("503", "SERVICE_UNAVAILABLE");
        }

        @Test
        void otherServerErrorsAreUnknown() {
            wallet.answer("POST", "orders", 500, error("SYSTEM_ERROR"))
                    .answer("POST", "orders", new Answer(502, "<html>bad gateway</html>", Signing.UNSIGNED, 0))
                    .answer("POST", "orders", new Answer(500, error("SYSTEM_ERROR"), Signing.UNSIGNED, 0));

            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void anAnswerThatIsNotSignedByWalletIsNotTrusted() {
            wallet.answer("POST", "orders", new Answer(200, order("ord_3001", "PAID", ""), Signing.WRONG_KEY, 0))
                    .answer("POST", "orders", new Answer(200, order("ord_3001", "PAID", ""), Signing.UNSIGNED, 0))
                    .answer("POST", "orders", new Answer(400, error("INVALID_REQUEST"), Signing.UNSIGNED, 0));

            ChannelOutcome wrongKey = connector.pay(TEA);
            assertThat(wrongKey.status()).isEqualTo(Status.UNKNOWN);
            assertThat(wrongKey.message()).contains("not trusted", "does not verify");
            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
            assertThat(connector.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void withoutWalletsKeyNothingIsSent() {
            WalletConnector keyless = connector(wallet.baseUrl(), WalletPublicKey.none(), 2_000);
            try {
                ChannelOutcome outcome = keyless.pay(TEA);

                assertThat(outcome.status()).as("its answer could not be trusted").isEqualTo(Status.UNAVAILABLE);
                assertThat(outcome.message()).contains("payrail.channel.wallet.public-key is not set");
                assertThat(keyless.query("ord_3001").status()).isEqualTo(Status.UNKNOWN);
                assertThat(wallet.requests()).isEmpty();
            } finally {
                keyless.disconnect();
            }
        }

        @Test
        void aGarbledOrForeignAnswerIsUnknown() {
            wallet.answer("POST", "orders", 200, "not json")
                    .answer("POST", "orders", 200, pending("ord_other"))
                    .answer("POST", "orders", 200, order("ord_3001", "REFUNDED", ""))
                    .answer("POST", "orders", 200, "{\"merchantRef\":\"ord_3001\",\"status\":\"PAID\"}");

            for (int i = 0; i < 4; i++) {
                assertThat(connector.pay(TEA).status()).as("answer %d", i).isEqualTo(Status.UNKNOWN);
            }
        }

        @Test
        void aTimeoutIsUnknown() {
            WalletConnector impatient = connector(wallet.baseUrl(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 300);
            try {
                wallet.answer("POST", "orders", new Answer(200, pending("ord_3001"), Signing.SIGNED, 1_500));

                ChannelOutcome outcome = impatient.pay(TEA);

                assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
                assertThat(outcome.message()).containsIgnoringCase("timed out");
            } finally {
                impatient.disconnect();
            }
        }

        @Test
        void aRefusedConnectionIsUnavailable() throws IOException {
            WalletConnector nobodyThere = connector(closedPortUrl(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
            try {
                ChannelOutcome outcome = nobodyThere.pay(TEA);

                assertThat(outcome.status()).isEqualTo(Status.UNAVAILABLE);
                assertThat(outcome.message()).contains("connection refused");
            } finally {
                nobodyThere.disconnect();
            }
        }

        @Test
        void aResetConnectionIsUnknown() throws Exception {
            try (ResettingServer reset = new ResettingServer()) {
                WalletConnector cutOff = connector(reset.url(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
                try {
                    assertThat(cutOff.pay(TEA).status()).isEqualTo(Status.UNKNOWN);
                    assertThat(reset.connections()).isPositive();
                } finally {
                    cutOff.disconnect();
                }
            }
        }

        @Test
        void nothingIsSentWhenWeCannotSign() {
            WalletConnector keyless = new WalletConnector(wallet.baseUrl(), 1_000, 1_000, new Signer() {
                @Override
                public String keyId() {
                    throw new IllegalStateException("payrail.signing.keystore is not set");
                }

                @Override
                public byte[] sign(byte[] data) {
                    throw new AssertionError("not reached");
                }
            }, WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), Clock.systemUTC());
            keyless.open();
            try {
                ChannelOutcome outcome = keyless.pay(TEA);

                assertThat(outcome.status()).isEqualTo(Status.UNAVAILABLE);
                assertThat(outcome.message()).contains("payrail.signing.keystore");
                assertThat(keyless.query("ord_3001").status()).isEqualTo(Status.UNKNOWN);
                assertThat(wallet.requests()).isEmpty();
            } finally {
                keyless.disconnect();
            }
        }

        @Test
        void nothingIsSentWhenWalletsConfiguredKeyCannotBeRead(@TempDir Path dir) {
            WalletConnector blind = connector(wallet.baseUrl(), WalletPublicKey.configured(
                    Optional.of(dir.resolve("absent.pem").toString())), 2_000);
            try {
                assertThat(blind.pay(TEA).status()).isEqualTo(Status.UNAVAILABLE);
                assertThat(blind.refund(REFUND).status()).isEqualTo(Status.UNAVAILABLE);
                assertThat(blind.close("ord_3001").status()).isEqualTo(Status.UNKNOWN);
                assertThat(wallet.requests()).isEmpty();
            } finally {
                blind.disconnect();
            }
        }
    }

    @Nested
    class Query {

        @Test
        void everyOrderStatus() throws Exception {
            wallet.answer("GET", "orders/by-ref/ord_3001", 200, pending("ord_3001"))
                    .answer("GET", "orders/by-ref/ord_3001", 200, order("ord_3001", "PAID", ",\"refundedAmount\":0"))
                    .answer("GET", "orders/by-ref/ord_3001", 200, order("ord_3001", "DECLINED",
                            ",\"declineCode\":\"PAYER_DECLINED\",\"declineMessage\":\"the payer declined\""))
                    .answer("GET", "orders/by-ref/ord_3001", 200, order("ord_3001", "CLOSED", ""));

            assertThat(connector.query("ord_3001")).isEqualTo(ChannelOutcome.pending(WL, PAY_URL));
            assertThat(connector.query("ord_3001")).isEqualTo(ChannelOutcome.succeeded(WL, TEA_PRICE));
            assertThat(connector.query("ord_3001")).isEqualTo(ChannelOutcome.declined(WL, "PAYER_DECLINED", "the payer declined"));
            assertThat(connector.query("ord_3001")).isEqualTo(ChannelOutcome.closed(WL));
            assertSigned(wallet.requests().get(0), "GET", "/sim/wallet/v1/orders/by-ref/ord_3001");
        }

        @Test
        void anOrderWalletNeverSawIsNotFound() {
            wallet.answer("GET", "orders/by-ref/ord_9", 404, error("ORDER_NOT_FOUND"));

            assertThat(connector.query("ord_9")).isEqualTo(ChannelOutcome.notFound());
        }

        @Test
        void aQueryThatCannotBeAnsweredTellsNothing() throws IOException {
            wallet.answer("GET", "orders/by-ref/ord_1", 500, error("SYSTEM_ERROR"))
                    .answer("GET", "orders/by-ref/ord_1", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED, 0))
                    .answer("GET", "orders/by-ref/ord_1", new Answer(200, order("ord_1", "PAID", ""), Signing.WRONG_KEY, 0))
                    .answer("GET", "orders/by-ref/ord_1", 401, error("SIGNATURE_INVALID"))
                    .answer("GET", "orders/by-ref/ord_1", 403, error("FORBIDDEN"))
                    .answer("GET", "orders/by-ref/ord_1", 429, error("TOO_MANY_REQUESTS"))
                    .answer("GET", "orders/by-ref/ord_1", 404, error("NO_SUCH_PATH"));

            for (int i = 0; i < 7; i++) {
                assertThat(connector.query("ord_1").status()).as("answer %d", i).isEqualTo(Status.UNKNOWN);
            }
            WalletConnector nobodyThere = connector(closedPortUrl(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
            try {
                assertThat(nobodyThere.query("ord_1").status()).isEqualTo(Status.UNKNOWN);
            } finally {
                nobodyThere.disconnect();
            }
        }

        @Test
        void referencesGoOnTheRequestLineAsSignedEvenWithOddCharacters() throws Exception {
            wallet.answer("GET", "orders/by-ref/ord:1.a-b_c", 200, pending("ord:1.a-b_c"))
                    .answer("GET", "orders/by-ref/ord%201%2F%C3%A9", 404, error("ORDER_NOT_FOUND"));

            assertThat(connector.query("ord:1.a-b_c").status()).isEqualTo(Status.PENDING);
            assertThat(connector.query("ord 1/é")).isEqualTo(ChannelOutcome.notFound());
            assertSigned(wallet.requests().get(0), "GET", "/sim/wallet/v1/orders/by-ref/ord:1.a-b_c");
            assertSigned(wallet.requests().get(1), "GET", "/sim/wallet/v1/orders/by-ref/ord%201%2F%C3%A9");
        }

        @Test
        void aBaseUrlWithATrailingSlashMakesTheSameRequests() throws Exception {
            WalletConnector slash = connector(wallet.baseUrl() + "/", WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
            try {
                wallet.answer("GET", "orders/by-ref/ord_1", 404, error("ORDER_NOT_FOUND"));
                assertThat(slash.query("ord_1")).isEqualTo(ChannelOutcome.notFound());
                assertSigned(wallet.requests().get(0), "GET", "/sim/wallet/v1/orders/by-ref/ord_1");
            } finally {
                slash.disconnect();
            }
        }
    }

    @Nested
    class Close {

        @Test
        void closesAnUnpaidOrder() throws Exception {
            wallet.answer("POST", "orders/by-ref/ord_3001/close", 200,
                    order("ord_3001", "CLOSED", ",\"closedAt\":\"2026-03-01T10:30:00Z\""));

            assertThat(connector.close("ord_3001")).isEqualTo(ChannelOutcome.closed(WL));
            FakeWallet.Request request = wallet.requests().get(0);
            assertThat(request.body()).isEmpty();
            assertSigned(request, "POST", "/sim/wallet/v1/orders/by-ref/ord_3001/close");
        }

        @Test
        void closesAReferenceWalletNeverSaw() {
            wallet.answer("POST", "orders/by-ref/ord_7/close", 200,
                    "{\"orderId\":\"wl_77\",\"merchantRef\":\"ord_7\",\"status\":\"CLOSED\",\"createdAt\":\"2026-03-01T10:30:00Z\"}");

            assertThat(connector.close("ord_7")).isEqualTo(ChannelOutcome.closed("wl_77"));
        }

        @Test
        void aPaidOrderIsSucceededWithWalletsIdFromTheQuery() throws Exception {
            wallet.answer("POST", "orders/by-ref/ord_3001/close", 409, error("ORDER_PAID"))
                    .answer("GET", "orders/by-ref/ord_3001", 200, order("ord_3001", "PAID", ""));

            assertThat(connector.close("ord_3001")).isEqualTo(ChannelOutcome.succeeded(WL, TEA_PRICE));
            assertSigned(wallet.requests().get(1), "GET", "/sim/wallet/v1/orders/by-ref/ord_3001");
        }

        @Test
        void aPaidOrderWhoseQueryFailsIsUnknown() {
            wallet.answer("POST", "orders/by-ref/ord_3001/close", 409, error("ORDER_PAID"))
                    .answer("GET", "orders/by-ref/ord_3001", 500, error("SYSTEM_ERROR"));

            ChannelOutcome outcome = connector.close("ord_3001");
            assertThat(outcome.status()).isEqualTo(Status.UNKNOWN);
            assertThat(outcome.message()).contains("ORDER_PAID");
        }

        @Test
        void anythingElseIsUnknown() {
            wallet.answer("POST", "orders/by-ref/ord_1/close", 500, error("SYSTEM_ERROR"))
                    .answer("POST", "orders/by-ref/ord_1/close", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED, 0))
                    .answer("POST", "orders/by-ref/ord_1/close", 200, pending("ord_1"))
                    .answer("POST", "orders/by-ref/ord_1/close", new Answer(200, order("ord_1", "CLOSED", ""), Signing.UNSIGNED, 0))
                    .answer("POST", "orders/by-ref/ord_1/close", 401, error("SIGNATURE_INVALID"));

            for (int i = 0; i < 5; i++) {
                assertThat(connector.close("ord_1").status()).as("answer %d", i).isEqualTo(Status.UNKNOWN);
            }
        }
    }

    @Nested
    class Refund {

        @Test
        void anAcceptedRefundIsPendingAndAFinishedOneSucceeded() throws Exception {
            wallet.answer("POST", "refunds", 200, refund("rf_1", "PROCESSING"))
                    .answer("POST", "refunds", 200, refund("rf_1", "SUCCEEDED"));

            assertThat(connector.refund(REFUND)).isEqualTo(ChannelOutcome.pending(WLR, null));
            assertThat(connector.refund(REFUND)).isEqualTo(ChannelOutcome.succeeded(WLR, REFUNDED));
            FakeWallet.Request request = wallet.requests().get(0);
            assertThat(request.bodyText())
                    .isEqualTo("{\"merchantRef\":\"ord_3001\",\"refundRef\":\"rf_1\",\"amount\":999,\"currency\":\"CNY\"}");
            assertSigned(request, "POST", "/sim/wallet/v1/refunds");
        }

        @ParameterizedTest
        @CsvSource({"409,ORDER_NOT_PAID", "422,REFUND_EXCEEDS_CAPTURED", "422,CURRENCY_MISMATCH", "400,INVALID_REQUEST"})
        void aDocumentedRefusalNamingTheRefundIsADeclineWithWalletsCode(int status, String code) {
            wallet.answer("POST", "refunds", status, refundError(code));

            ChannelOutcome outcome = connector.refund(REFUND);

            assertThat(outcome).isEqualTo(ChannelOutcome.declined(null, code, code.toLowerCase() + " happened"));
        }

        /**
         * Finding: an unreferenced signed 4xx on a refund became a decline, making the amount
         * refundable again although WALLET may have refunded it. A refund is failed only on a
         * documented refusal that names it, of its first send.
         */
        @ParameterizedTest
        @CsvSource({"409,ORDER_NOT_PAID", "422,REFUND_EXCEEDS_CAPTURED", "400,INVALID_REQUEST", "401,SIGNATURE_INVALID",
                "403,FORBIDDEN", "404,ORDER_NOT_FOUND", "409,REFUND_REF_REUSED"})
        void anyOtherRefusalOfARefundIsUnknown(int status, String code) {
            wallet.answer("POST", "refunds", status, error(code))
                    .answer("POST", "refunds", status, refundError(code));

            assertThat(connector.refund(REFUND).status()).as("unreferenced").isEqualTo(Status.UNKNOWN);
            assertThat(connector.refund(REFUND_RESENT).status()).as("a resend").isEqualTo(Status.UNKNOWN);
        }

        @Test
        void aThrottledRefundIsUnavailableFirstAndUnknownWhenResent() {
            wallet.answer("POST", "refunds", 429, error("TOO_MANY_REQUESTS"))
                    .answer("POST", "refunds", 429, error("TOO_MANY_REQUESTS"));

            assertThat(connector.refund(REFUND).status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(connector.refund(REFUND_RESENT).status()).isEqualTo(Status.UNKNOWN);
        }

        @Test
        void unavailableWhenNothingCanHaveHappened() throws IOException {
            wallet.answer("POST", "refunds", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED, 0));
            assertThat(connector.refund(REFUND).status()).isEqualTo(Status.UNAVAILABLE);

            WalletConnector nobodyThere = connector(closedPortUrl(), WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), 2_000);
            try {
                assertThat(nobodyThere.refund(REFUND).status()).isEqualTo(Status.UNAVAILABLE);
            } finally {
                nobodyThere.disconnect();
            }
        }

        @Test
        void unknownWhenSomethingMayHaveHappened() {
            wallet.answer("POST", "refunds", 500, error("SYSTEM_ERROR"))
                    .answer("POST", "refunds", new Answer(200, refund("rf_1", "SUCCEEDED"), Signing.WRONG_KEY, 0))
                    .answer("POST", "refunds", 200, refund("rf_other", "SUCCEEDED"))
                    .answer("POST", "refunds", 200, refund("rf_1", "FAILED"));

            for (int i = 0; i < 4; i++) {
                assertThat(connector.refund(REFUND).status()).as("answer %d", i).isEqualTo(Status.UNKNOWN);
            }
        }
    }

    @Nested
    class QueryRefund {

        @Test
        void everyRefundStatus() throws Exception {
            wallet.answer("GET", "refunds/by-ref/rf_1", 200, refund("rf_1", "SUCCEEDED"))
                    .answer("GET", "refunds/by-ref/rf_1", 200, refund("rf_1", "PROCESSING"))
                    .answer("GET", "refunds/by-ref/rf_1", 404, error("REFUND_NOT_FOUND"))
                    .answer("GET", "refunds/by-ref/rf_1", 500, error("SYSTEM_ERROR"))
                    .answer("GET", "refunds/by-ref/rf_1", new Answer(503, error("SERVICE_UNAVAILABLE"), Signing.UNSIGNED, 0));

            assertThat(connector.queryRefund(REFUND)).isEqualTo(ChannelOutcome.succeeded(WLR, REFUNDED));
            assertThat(connector.queryRefund(REFUND)).isEqualTo(ChannelOutcome.pending(WLR, null));
            assertThat(connector.queryRefund(REFUND)).isEqualTo(ChannelOutcome.notFound());
            assertThat(connector.queryRefund(REFUND).status()).isEqualTo(Status.UNKNOWN);
            assertThat(connector.queryRefund(REFUND).status()).isEqualTo(Status.UNKNOWN);
            assertSigned(wallet.requests().get(0), "GET", "/sim/wallet/v1/refunds/by-ref/rf_1");
        }
    }

    /** A base URL on a port nobody listens on. */
    private static String closedPortUrl() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        return "http://127.0.0.1:" + port + FakeWallet.BASE_PATH;
    }

    /** Accepts, reads the request, and resets the connection instead of answering. */
    private static final class ResettingServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        private final AtomicInteger connections = new AtomicInteger();
        private final Thread acceptor;

        ResettingServer() throws IOException {
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        connections.incrementAndGet();
                        InputStream in = s.getInputStream();
                        in.read(new byte[8192]);
                        s.setSoLinger(true, 0);
                    } catch (IOException e) {
                        // closed by the test
                    }
                }
            }, "resetting-wallet");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + FakeWallet.BASE_PATH;
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(2_000);
        }
    }
}
