package io.payrail.channel.wallet;

import io.payrail.channel.ExampleKeys;

import static io.payrail.channel.wallet.DetachedJwsTest.NOTIFICATION_BODY;
import static io.payrail.channel.wallet.DetachedJwsTest.NOTIFICATION_IAT;
import static io.payrail.channel.wallet.DetachedJwsTest.NOTIFICATION_SIGNATURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks.Acknowledgement;
import io.payrail.channel.ChannelCallbacks.InvalidCallbackException;
import io.payrail.channel.ChannelOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WalletCallbacksTest {

    private static WalletCallbacks callbacksAt(long epochSecond) {
        return new WalletCallbacks(WalletPublicKey.of(ExampleKeys.CHANNEL_PUBLIC), clockAt(epochSecond));
    }

    private static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** Headers as the callback endpoint passes them: by case-insensitive name. */
    private static Function<String, String> headers(String signature) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (signature != null) {
            map.put("wallet-signature", signature);
        }
        map.put("Content-Type", "application/json");
        return map::get;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static CallbackEvent signedAndVerified(String body) throws InvalidCallbackException {
        return callbacksAt(NOTIFICATION_IAT).verify(headers(WalletExamples.walletSignature(bytes(body), NOTIFICATION_IAT)),
                bytes(body));
    }

    @Test
    void acceptsTheGuidesNotification() throws Exception {
        CallbackEvent event = callbacksAt(NOTIFICATION_IAT + 5)
                .verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY));

        assertThat(event).isEqualTo(new CallbackEvent("WALLET", "wle_c20ad4d76fe97759aa27a0c99bff6710", 2, "ord_3001",
                null, ChannelOutcome.succeeded("wl_c51ce410c124a10e0db5e4b97fc2af39",
                io.payrail.common.Money.ofMinor(1999, "CNY"))));
        assertThat(event.isRefund()).isFalse();
    }

    @Test
    void acceptsUpToThreeHundredSecondsOfSkewEitherWay() throws Exception {
        assertThat(callbacksAt(NOTIFICATION_IAT + 300).verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isNotNull();
        assertThat(callbacksAt(NOTIFICATION_IAT - 300).verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isNotNull();
    }

    @Test
    void refusesAStaleSignature() {
        assertThatThrownBy(() -> callbacksAt(NOTIFICATION_IAT + 301)
                .verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining("iat " + NOTIFICATION_IAT)
                .hasMessageContaining("old");
    }

    @Test
    void refusesASignatureFromTheFuture() {
        assertThatThrownBy(() -> callbacksAt(NOTIFICATION_IAT - 301)
                .verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining("in the future");
    }

    @Test
    void refusesATamperedBody() {
        String tampered = NOTIFICATION_BODY.replace("\"status\":\"PAID\"", "\"status\":\"DECLINED\"");
        assertThatThrownBy(() -> callbacksAt(NOTIFICATION_IAT).verify(headers(NOTIFICATION_SIGNATURE), bytes(tampered)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void refusesASignatureByAnotherKey() {
        WalletCallbacks holdingTheWrongKey = new WalletCallbacks(WalletPublicKey.of(ExampleKeys.PLATFORM_PUBLIC),
                clockAt(NOTIFICATION_IAT));
        assertThatThrownBy(() -> holdingTheWrongKey.verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining("signed with kid " + ExampleKeys.CHANNEL_KID);
    }

    @Test
    void refusesAnUnsignedNotificationWhenTheKeyIsConfigured() {
        assertThatThrownBy(() -> callbacksAt(NOTIFICATION_IAT).verify(headers(null), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining("Wallet-Signature header is missing");
    }

    @Test
    void readsTheKeyFromTheConfiguredPemFile() throws Exception {
        WalletCallbacks callbacks = new WalletCallbacks(WalletPublicKey.configured(
                Optional.of(ExampleKeys.file("example-channel-public-key.pem").toString())),
                clockAt(NOTIFICATION_IAT));
        assertThat(callbacks.verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)).orderId())
                .isEqualTo("ord_3001");
        assertThatThrownBy(() -> callbacks.verify(headers(null), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(InvalidCallbackException.class);
    }

    @Test
    void aConfiguredKeyThatCannotBeReadIsOurFaultNotTheSenders(@TempDir Path dir) {
        WalletCallbacks callbacks = new WalletCallbacks(WalletPublicKey.configured(
                Optional.of(dir.resolve("missing.pem").toString())), clockAt(NOTIFICATION_IAT));
        assertThatThrownBy(() -> callbacks.verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payrail.channel.wallet.public-key");
    }

    @Test
    void withoutAConfiguredKeyNothingIsTakenUnverified() {
        WalletCallbacks keyless = new WalletCallbacks(WalletPublicKey.configured(Optional.empty()),
                clockAt(NOTIFICATION_IAT));
        assertThatThrownBy(() -> keyless.verify(headers(NOTIFICATION_SIGNATURE), bytes(NOTIFICATION_BODY)))
                .as("even a correctly signed notification: there is nothing to check it with")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payrail.channel.wallet.public-key is not set");
        assertThatThrownBy(() -> keyless.verify(headers(null), bytes(NOTIFICATION_BODY)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void translatesARefundNotification() throws Exception {
        CallbackEvent event = signedAndVerified("{\"notificationId\":\"wle_1\",\"type\":\"REFUND\",\"seq\":4,"
                + "\"occurredAt\":\"2026-03-01T10:05:01Z\",\"orderId\":\"wl_1\",\"merchantRef\":\"ord_3001\","
                + "\"status\":\"SUCCEEDED\",\"amount\":1999,\"currency\":\"CNY\",\"refundRef\":\"rf_1\","
                + "\"refundId\":\"wlr_9\",\"refundAmount\":999}");

        assertThat(event).isEqualTo(new CallbackEvent("WALLET", "wle_1", 4, "ord_3001", "rf_1",
                ChannelOutcome.succeeded("wlr_9", io.payrail.common.Money.ofMinor(999, "CNY"))));
        assertThat(event.isRefund()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "PAID,,SUCCEEDED,",
            "DECLINED,PAYER_DECLINED,DECLINED,PAYER_DECLINED",
            "DECLINED,INSUFFICIENT_BALANCE,DECLINED,INSUFFICIENT_BALANCE",
            "PENDING,,PENDING,",
            "CLOSED,,CLOSED,"})
    void translatesEveryOrderStatus(String status, String declineCode, ChannelOutcome.Status expected,
                                    String expectedCode) throws Exception {
        CallbackEvent event = signedAndVerified("{\"notificationId\":\"wle_2\",\"type\":\"ORDER\",\"seq\":1,"
                + "\"occurredAt\":\"2026-03-01T10:00:00Z\",\"orderId\":\"wl_2\",\"merchantRef\":\"ord_2\",\"status\":\""
                + status + "\",\"amount\":1,\"currency\":\"CNY\""
                + (declineCode == null ? "" : ",\"declineCode\":\"" + declineCode + "\"") + "}");

        assertThat(event.orderId()).isEqualTo("ord_2");
        assertThat(event.refundId()).isNull();
        assertThat(event.outcome().status()).isEqualTo(expected);
        assertThat(event.outcome().channelTxnId()).isEqualTo("wl_2");
        assertThat(event.outcome().code()).isEqualTo(expectedCode);
        assertThat(event.outcome().payUrl()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[1,2]                                                                                   | not an object",
            "{\"type\":\"ORDER\"                                                                       | not JSON",
            "{\"type\":\"ORDER\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"}  | field notificationId is missing",
            "{\"notificationId\":\"\",\"type\":\"ORDER\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"} | notificationId must be a non-empty string",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":\"1\",\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"} | seq must be a non-negative whole number, got \"1\"",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":1.5,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"} | seq must be a non-negative whole number",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"} | field seq is missing",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":1,\"orderId\":\"wl\",\"status\":\"PAID\"}        | field merchantRef is missing",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":1,\"merchantRef\":\"o\",\"status\":\"PAID\"}     | field orderId is missing",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\"}      | field status is missing",
            "{\"notificationId\":\"e\",\"type\":\"ORDER\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"REFUNDED\"} | ORDER status \"REFUNDED\"",
            "{\"notificationId\":\"e\",\"type\":\"PAYOUT\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PAID\"} | type \"PAYOUT\" is not ORDER or REFUND",
            "{\"notificationId\":\"e\",\"type\":\"REFUND\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"SUCCEEDED\",\"refundId\":\"wlr\"} | field refundRef is missing",
            "{\"notificationId\":\"e\",\"type\":\"REFUND\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"SUCCEEDED\",\"refundRef\":\"r\"} | field refundId is missing",
            "{\"notificationId\":\"e\",\"type\":\"REFUND\",\"seq\":1,\"orderId\":\"wl\",\"merchantRef\":\"o\",\"status\":\"PROCESSING\",\"refundRef\":\"r\",\"refundId\":\"wlr\"} | REFUND status \"PROCESSING\" is not SUCCEEDED"})
    void refusesWhatIsNotAWalletNotification(String body, String problem) {
        assertThatThrownBy(() -> signedAndVerified(body.strip()))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageStartingWith("WALLET notification refused: ")
                .hasMessageContaining(problem.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAnEmptyBody(String body) {
        assertThatThrownBy(() -> WalletCallbacks.parse(bytes(body)))
                .isInstanceOf(InvalidCallbackException.class)
                .hasMessageContaining(body.isEmpty() ? "the body is empty" : "not JSON");
    }

    @Test
    void acknowledgesAsWalletExpects() {
        WalletCallbacks callbacks = callbacksAt(0);
        assertThat(callbacks.channelId()).isEqualTo("WALLET");
        assertThat(callbacks.acknowledgement())
                .isEqualTo(new Acknowledgement(200, "application/json", "{\"code\":\"SUCCESS\"}"));
    }
}
