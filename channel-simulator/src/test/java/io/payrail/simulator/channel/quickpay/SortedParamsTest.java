package io.payrail.simulator.channel.quickpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.simulator.channel.TestKeys;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/quickpay.md, with the published example keys. */
class SortedParamsTest {

    static final String PAY_SIGN = "V4AM51CqeJPhr5z1rsQeVGqT9bR+MvOFDyce4FtNg/KvcxaL1ZC2nZiy4l8CZMLkcssH3jozs0amTCa2b"
            + "WtUsVAC4qmsxHVT0qntIbqnI9oGcu+GoiH+VMPdMaHvvOfrUJPHyGaq/yZtsEuLAtLP/xJ/VOq5lNWcYp18EYj6Xi55pjO+JfUYzKyya/4"
            + "4qcaL+pThkauFi8DKAanbLMCd3nEwbaJ/w3nU2mMq/g1OY12tfYw6JHN2D+OLsq+unPNNMexUHNBvXP3ZkeC2D8a0ycVwuhtxgLYXTKmIr"
            + "UAmStgfUQTW3nQ/t9mrO76ZxxAkbovAt3rt25xxvyHjhIBXVA==";
    static final String CALLBACK_SIGN = "U2FzaFYcT3GHXJVm6yuyu8QO9mngCSH7ScXfvZ5Y1vqQ/7AmazQQRS7Vt6m+SfNpcRqlxpMZlsjzv"
            + "p+a2/jOv3IosNfRpQQrfvFpHmlbzExI+ejJSLo6h4kQGCY7K7CkwulQPsFydty9vMNedU0mSwNco4pZp+pdwaf6l/wWE8SwNvplWhSdiYVlM"
            + "BaEPeAZ828QKUmkpXmJJPhM2bTlysTgOCbMGVDNrXSvK7yUBDX3pvJklGe7xBwBtDefwsUDMuf3UEv+BGtXP7Z7wsYouvILWg8tiNdjtt3myh"
            + "zj/RpowXXYqJgwHrcGIuDOTWx+vh9Nr49HPAGuxGfqAk5gPA==";

    static Map<String, String> payRequest() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("merchantRef", "ord_2001");
        fields.put("agreementId", "qpa_45c48cce2e2d7fbdea1afc51c7c6ad26");
        fields.put("otp", "123456");
        fields.put("amount", "2500");
        fields.put("currency", "EUR");
        fields.put("subject", "Books");
        fields.put("timestamp", "2026-03-01T10:00:00Z");
        return fields;
    }

    @Test
    void theSignedTextIsTheOtherFieldsSortedByNameWithoutEmptyOnes() {
        Map<String, String> fields = payRequest();
        fields.put("sign", "anything");
        fields.put("signType", "RSA2");
        fields.put("reason", "");
        fields.put("note", null);

        assertThat(SortedParams.canonical(fields)).isEqualTo("agreementId=qpa_45c48cce2e2d7fbdea1afc51c7c6ad26"
                + "&amount=2500&currency=EUR&merchantRef=ord_2001&otp=123456&subject=Books"
                + "&timestamp=2026-03-01T10:00:00Z");
    }

    @Test
    void thePayRequestExampleSignsAndVerifies() {
        assertThat(SortedParams.sign(TestKeys.PLATFORM_PRIVATE, payRequest())).isEqualTo(PAY_SIGN);

        Map<String, String> signed = new HashMap<>(payRequest());
        signed.put("sign", PAY_SIGN);
        signed.put("signType", "RSA2");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isTrue();

        signed.put("amount", "25000");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isFalse();
    }

    @Test
    void theCallbackExampleSignsWithTheChannelKey() {
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

        assertThat(SortedParams.canonical(callback)).isEqualTo("amount=2500&currency=EUR&merchantRef=ord_2001"
                + "&notifyId=qpe_d3d9446802a44259755d38e6d163e820&notifyTime=2026-03-01T10:00:00.250Z"
                + "&notifyType=PAYMENT&seq=1&status=PAID&transactionId=qp_6512bd43d9caa6e02c990b0a82652dca");
        assertThat(SortedParams.sign(TestKeys.CHANNEL_PRIVATE, callback)).isEqualTo(CALLBACK_SIGN);
    }

    @Test
    void anotherSignTypeOrAMissingSignDoesNotVerify() {
        Map<String, String> signed = new HashMap<>(payRequest());
        signed.put("sign", PAY_SIGN);
        signed.put("signType", "RSA");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isFalse();

        signed.remove("signType");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isTrue();
        signed.remove("sign");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isFalse();
        signed.put("sign", "not base64!");
        assertThat(SortedParams.verify(TestKeys.PLATFORM_PUBLIC, signed)).isFalse();
    }
}
