package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.PayrailClient;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** --keys: RSA-2048 signs today; EC (P-256) stops with the one message until the platform takes it. */
class MerchantKeysTest {

    @Test
    void rsaKeysAre2048BitsAndSign() {
        MerchantKeys keys = new MerchantKeys(MerchantKeys.Type.RSA);
        KeyPair pair = keys.newKeyPair();

        PayrailClient client = keys.signWith(PayrailClient.builder(), pair).baseUri("https://localhost:8181")
                .merchantId("M1").keyId("K1").disableResponseVerification().build();

        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(client.keyId()).isEqualTo("K1");
    }

    @Test
    void ecKeysAreP256AndStopTheBenchWithTheMessageTheLeadExpects() {
        MerchantKeys keys = new MerchantKeys(MerchantKeys.Type.EC);
        KeyPair pair = keys.newKeyPair();

        assertThat(((ECPublicKey) pair.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThatThrownBy(() -> keys.signWith(PayrailClient.builder(), pair)).isInstanceOf(BenchException.class)
                .hasMessageStartingWith("EC merchant keys are not supported by this platform version")
                .satisfies(e -> assertThat(((BenchException) e).next()).contains("--keys rsa"));
    }
}
