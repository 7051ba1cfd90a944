package io.payrail.channel.cardgw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks.InvalidCallbackException;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import io.payrail.common.Money;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CARDGW's callbacks (cardgw.md §8): taken only signed by CARDGW, fresh and the first time. */
class CardgwCallbacksTest {

    static final long NOW = 1772359200L;
    static final String PAID = "{\"eventId\":\"cge_1\",\"eventType\":\"PAYMENT.PAID\",\"seq\":2,\"merchantRef\":\"ord_1001.2\","
            + "\"transactionId\":\"cg_1\",\"status\":\"PAID\",\"amount\":1000,\"currency\":\"USD\"}";

    final CardgwCallbacks callbacks = new CardgwCallbacks(ChannelPublicKey.of("CARDGW", ExampleKeys.CHANNEL_PUBLIC),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    {
        callbacks.init();
    }

    private static Map<String, String> headers(String body, long timestamp, String nonce, PrivateKey key) {
        byte[] text = (timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
        return Map.of(CardgwSignature.TIMESTAMP, Long.toString(timestamp), CardgwSignature.NONCE, nonce,
                CardgwSignature.SIGNATURE, Base64.getEncoder().encodeToString(ExampleKeys.rsaSha256(key).apply(text)));
    }

    @Test
    void aSignedPaymentIsTheMoneyCardgwTookForOurReference() throws Exception {
        CallbackEvent event = callbacks.verify(headers(PAID, NOW, "n1", ExampleKeys.CHANNEL_PRIVATE)::get,
                PAID.getBytes(StandardCharsets.UTF_8));

        assertThat(event.reference()).isEqualTo("ord_1001.2");
        assertThat(event.sequence()).isEqualTo(2);
        assertThat(event.outcome().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(event.outcome().money()).isEqualTo(Money.ofMinor(1000, "USD"));
    }

    @Test
    void unsignedWronglySignedStaleOrReplayedIsRefused() throws Exception {
        byte[] body = PAID.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> callbacks.verify(h -> null, body)).isInstanceOf(InvalidCallbackException.class);
        assertThatThrownBy(() -> callbacks.verify(headers(PAID, NOW, "n2", ExampleKeys.PLATFORM_PRIVATE)::get, body))
                .isInstanceOf(InvalidCallbackException.class);
        assertThatThrownBy(() -> callbacks.verify(headers(PAID, NOW - CardgwTrust.MAX_SKEW_SECONDS - 1, "n3",
                ExampleKeys.CHANNEL_PRIVATE)::get, body)).isInstanceOf(InvalidCallbackException.class);
        Map<String, String> once = headers(PAID, NOW, "n4", ExampleKeys.CHANNEL_PRIVATE);
        callbacks.verify(once::get, body);
        assertThatThrownBy(() -> callbacks.verify(once::get, body)).as("the same callback copied")
                .isInstanceOf(InvalidCallbackException.class);
    }
}
