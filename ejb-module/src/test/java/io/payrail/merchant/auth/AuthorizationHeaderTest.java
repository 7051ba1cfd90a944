package io.payrail.merchant.auth;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.ErrorCode;
import io.payrail.common.SignatureAlgorithm;
import io.payrail.platform.signing.ResponseBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a response is bound to: the credentials a request carried, as far as they can be read. */
class AuthorizationHeaderTest {

    private static final String NONCE = "Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq1";

    private static String header(String merchantId, String timestamp, String nonce) {
        return "PAYRAIL-SHA256-RSA2048 merchant_id=\"" + merchantId + "\",key_id=\"K1\",timestamp=\"" + timestamp
                + "\",nonce=\"" + nonce + "\",signature=\"AAAA\"";
    }

    @Test
    void aReadableHeaderBindsItsMerchantAndNonceWhetherOrNotItWouldAuthenticate() {
        assertThat(AuthorizationHeader.claimedBy(header("M100001", "1767225600", NONCE)))
                .isEqualTo(new ResponseBinding("M100001", NONCE));
        // a bad timestamp makes the request AUTH_MALFORMED; its answer is still bound to what it claimed
        assertThat(AuthorizationHeader.claimedBy(header("M100001", "yesterday", NONCE)))
                .isEqualTo(new ResponseBinding("M100001", NONCE));
    }

    @Test
    void aPartThatIsNotWellFormedIsBoundAsEmpty() {
        assertThat(AuthorizationHeader.claimedBy(header("M100001", "1767225600", "short")))
                .isEqualTo(new ResponseBinding("M100001", ""));
        assertThat(AuthorizationHeader.claimedBy(header("M 1", "1767225600", NONCE)))
                .isEqualTo(new ResponseBinding("", NONCE));
        assertThat(AuthorizationHeader.claimedBy("PAYRAIL-SHA256-RSA2048 key_id=\"K1\",nonce=\"" + NONCE + "\""))
                .isEqualTo(new ResponseBinding("", NONCE));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Bearer abc", "PAYRAIL-SHA256-RSA2048 merchant_id=M1",
            "PAYRAIL-SHA256-RSA2048 merchant_id=\"M1\",merchant_id=\"M2\",nonce=\"Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq1\"",
            "PAYRAIL-SHA256-RSA2048 merchant_id=\"M1\",colour=\"red\""})
    void anUnreadableHeaderBindsNothing(String header) {
        assertThat(AuthorizationHeader.claimedBy(header)).isEqualTo(ResponseBinding.NONE);
    }

    @Test
    void theSchemeNamesTheAlgorithm() {
        assertThat(AuthorizationHeader.parse(header("M100001", "1767225600", NONCE)).algorithm())
                .isEqualTo(SignatureAlgorithm.RSA_2048);
        String ec = header("M100001", "1767225600", NONCE).replace("PAYRAIL-SHA256-RSA2048", "PAYRAIL-SHA256-ECDSA-P256");
        assertThat(AuthorizationHeader.parse(ec).algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256);
        assertThat(AuthorizationHeader.claimedBy(ec)).isEqualTo(new ResponseBinding("M100001", NONCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAYRAIL-SHA256-ECDSA-P384", "PAYRAIL-ED25519", "PAYRAIL-SHA256-ECDSA-P256X", "PAYRAIL-"})
    void aSchemeOfNoKnownAlgorithmIsAMissingHeader(String scheme) {
        String header = header("M100001", "1767225600", NONCE).replace("PAYRAIL-SHA256-RSA2048", scheme);
        assertThatThrownBy(() -> AuthorizationHeader.parse(header)).isInstanceOfSatisfying(AuthenticationException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_MISSING));
        assertThat(AuthorizationHeader.claimedBy(header)).isEqualTo(ResponseBinding.NONE);
    }

    @Test
    void soapNamesItsAlgorithmByTokenAndIsRsaWithoutOne() {
        assertThat(AuthorizationHeader.of(null, "M1", "K1", "1767225600", NONCE, "AAAA").algorithm())
                .isEqualTo(SignatureAlgorithm.RSA_2048);
        assertThat(AuthorizationHeader.of("SHA256-ECDSA-P256", "M1", "K1", "1767225600", NONCE, "AAAA").algorithm())
                .isEqualTo(SignatureAlgorithm.ECDSA_P256);
        assertThatThrownBy(() -> AuthorizationHeader.of("SHA256withECDSA", "M1", "K1", "1767225600", NONCE, "AAAA"))
                .isInstanceOfSatisfying(AuthenticationException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTH_MALFORMED));
    }

    @Test
    void soapPartsAreBoundEachOnItsOwn() {
        assertThat(AuthorizationHeader.claimedBy("M100001", NONCE)).isEqualTo(new ResponseBinding("M100001", NONCE));
        assertThat(AuthorizationHeader.claimedBy("M100001", null)).isEqualTo(new ResponseBinding("M100001", ""));
        assertThat(AuthorizationHeader.claimedBy("M1\nX", NONCE + "\n")).isEqualTo(ResponseBinding.NONE);
    }
}
