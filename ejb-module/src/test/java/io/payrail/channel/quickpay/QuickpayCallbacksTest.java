package io.payrail.channel.quickpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.channel.CallbackEvent;
import io.payrail.channel.ChannelCallbacks.InvalidCallbackException;
import io.payrail.channel.ChannelOutcome.Status;
import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import io.payrail.common.Money;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** QUICKPAY's callback (quickpay.md §7, its worked example read from the document) as the platform takes it. */
class QuickpayCallbacksTest {

    static final String SIGN = ExampleKeys.docLine("quickpay.md", "sign=");
    static final String FORM = "notifyId=qpe_d3d9446802a44259755d38e6d163e820&notifyType=PAYMENT&seq=1"
            + "&notifyTime=2026-03-01T10%3A00%3A00.250Z&merchantRef=ord_2001"
            + "&transactionId=qp_6512bd43d9caa6e02c990b0a82652dca&status=PAID&amount=2500&currency=EUR&signType=RSA2&sign=";

    final QuickpayCallbacks callbacks = new QuickpayCallbacks(ChannelPublicKey.of("QUICKPAY", ExampleKeys.CHANNEL_PUBLIC));

    private static byte[] form(String sign) {
        return (FORM + URLEncoder.encode(sign, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theWorkedExampleIsAPaymentOfTheMoneyItNames() throws Exception {
        CallbackEvent event = callbacks.verify(h -> null, form(SIGN));

        assertThat(event.eventId()).isEqualTo("qpe_d3d9446802a44259755d38e6d163e820");
        assertThat(event.reference()).isEqualTo("ord_2001");
        assertThat(event.outcome().status()).isEqualTo(Status.SUCCEEDED);
        assertThat(event.outcome().money()).isEqualTo(Money.ofMinor(2500, "EUR"));
    }

    @Test
    void aChangedFieldOrAnotherKeyIsRefused() {
        byte[] changed = new String(form(SIGN), StandardCharsets.UTF_8).replace("amount=2500", "amount=2501")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> callbacks.verify(h -> null, changed)).isInstanceOf(InvalidCallbackException.class);
        QuickpayCallbacks otherKey = new QuickpayCallbacks(ChannelPublicKey.of("QUICKPAY", ExampleKeys.PLATFORM_PUBLIC));
        assertThatThrownBy(() -> otherKey.verify(h -> null, form(SIGN))).isInstanceOf(InvalidCallbackException.class);
        assertThatThrownBy(() -> callbacks.verify(h -> null, form(""))).isInstanceOf(InvalidCallbackException.class);
    }

    @Test
    void itIsAcknowledgedWithTheWordSuccess() {
        assertThat(callbacks.acknowledgement().body()).isEqualTo("success");
    }
}
