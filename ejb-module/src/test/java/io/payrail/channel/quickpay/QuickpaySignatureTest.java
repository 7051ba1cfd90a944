package io.payrail.channel.quickpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ExampleKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QUICKPAY's worked examples (quickpay.md §2 and §7, read from the document) made and checked by our side. */
class QuickpaySignatureTest {

    static Map<String, String> payRequest() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("merchantRef", "ord_2001");
        fields.put("agreementId", "qpa_45c48cce2e2d7fbdea1afc51c7c6ad26");
        fields.put("otp", "123456");
        fields.put("amount", "2500");
        fields.put("currency", "EUR");
        fields.put("subject", "Books");
        fields.put("timestamp", "2026-03-01T10:00:00Z");
        fields.put("holderName", null);
        fields.put("signType", "RSA2");
        return fields;
    }

    @Test
    void theSignedTextSortsSkipsEmptyFieldsAndTheSignature() {
        assertThat(new String(QuickpaySignature.text(payRequest()), StandardCharsets.UTF_8))
                .isEqualTo("agreementId=qpa_45c48cce2e2d7fbdea1afc51c7c6ad26&amount=2500&currency=EUR&merchantRef=ord_2001"
                        + "&otp=123456&subject=Books&timestamp=2026-03-01T10:00:00Z");
    }

    @Test
    void ourPayRequestIsSignedExactlyAsTheWorkedExample() {
        byte[] signature = ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE).apply(QuickpaySignature.text(payRequest()));
        assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(ExampleKeys.docLine("quickpay.md", "V4AM")
                .transform(rest -> "V4AM" + rest));
    }

    @Test
    void theWorkedCallbackVerifiesWithQuickpaysKeyAndNotOnceChanged() throws Exception {
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("notifyId", "qpe_d3d9446802a44259755d38e6d163e820");
        callback.put("notifyType", "PAYMENT");
        callback.put("seq", "1");
        callback.put("notifyTime", "2026-03-01T10:00:00.250Z");
        callback.put("merchantRef", "ord_2001");
        callback.put("transactionId", "qp_6512bd43d9caa6e02c990b0a82652dca");
        callback.put("status", "PAID");
        callback.put("amount", "2500");
        callback.put("currency", "EUR");
        callback.put("signType", "RSA2");
        callback.put("sign", ExampleKeys.docLine("quickpay.md", "sign="));
        assertThat(QuickpaySignature.verifies(ExampleKeys.CHANNEL_PUBLIC, callback)).isTrue();
        assertThat(QuickpayCallbacks.parse(callback).outcome().money()).hasToString("25.00 EUR");

        callback.put("amount", "250");
        assertThat(QuickpaySignature.verifies(ExampleKeys.CHANNEL_PUBLIC, callback)).isFalse();
        callback.put("amount", "2500");
        callback.put("signType", "RSA");
        assertThat(QuickpaySignature.verifies(ExampleKeys.CHANNEL_PUBLIC, callback)).as("only RSA2").isFalse();
    }
}
