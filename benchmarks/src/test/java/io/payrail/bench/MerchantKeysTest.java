package io.payrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.signing.RequestSigner;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** --keys: RSA-2048 by default, EC P-256 signing under its own scheme. */
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
    void ecKeysAreP256AndSignUnderTheEcdsaScheme() {
        MerchantKeys keys = new MerchantKeys(MerchantKeys.Type.EC);
        KeyPair pair = keys.newKeyPair();

        PayrailClient client = keys.signWith(PayrailClient.builder(), pair).baseUri("https://localhost:8181")
                .merchantId("M1").keyId("K1").disableResponseVerification().build();

        assertThat(((ECPublicKey) pair.getPublic()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(new RequestSigner("M1", "K1", pair.getPrivate()).sign("GET", "/api/v1/payments", "").value())
                .startsWith("PAYRAIL-SHA256-ECDSA-P256 ");
        assertThat(client.keyId()).isEqualTo("K1");
    }
}
