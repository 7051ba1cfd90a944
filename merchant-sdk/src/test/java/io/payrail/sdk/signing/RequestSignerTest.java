package io.payrail.sdk.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.testing.TestKeys;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    private static final String NONCE = "Zy3kQ9_demo-nonce_4F7a2Bx8Lm0Pq1";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1767225600), ZoneOffset.UTC);
    private final RequestSigner signer = new RequestSigner("M100001", "K1", TestKeys.privateKey(TestKeys.MERCHANT),
            CLOCK, () -> NONCE);

    @Test
    void theHeaderHasTheSchemeAndFiveQuotedAttributes() {
        AuthorizationHeader header = signer.sign("POST", "/api/v1/payments", "{}");

        assertThat(header.value()).matches("PAYRAIL-SHA256-RSA2048 merchant_id=\"M100001\",key_id=\"K1\","
                + "timestamp=\"1767225600\",nonce=\"" + NONCE + "\",signature=\"[A-Za-z0-9+/]+={0,2}\"");
        Map<String, String> attributes = attributes(header.value());
        assertThat(attributes).containsOnlyKeys("merchant_id", "key_id", "timestamp", "nonce", "signature");
        assertThat(java.util.Base64.getDecoder().decode(attributes.get("signature"))).hasSize(256);
    }

    @Test
    void theSignatureVerifiesWithThePublicKeyOverTheCanonicalBytes() throws Exception {
        AuthorizationHeader header = signer.sign("POST", "/api/v1/payments", "{\"amount\":1999}");

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestKeys.MERCHANT.getPublic());
        verifier.update(("POST\n/api/v1/payments\n1767225600\n" + NONCE + "\n{\"amount\":1999}\n").getBytes("UTF-8"));
        assertThat(verifier.verify(header.signature())).isTrue();
    }

    @Test
    void anEcKeySignsWithEcdsaInDerAndSaysSoInTheScheme() throws Exception {
        RequestSigner ec = new RequestSigner("M100001", "K1", TestKeys.MERCHANT_EC.getPrivate(), CLOCK, () -> NONCE);
        AuthorizationHeader header = ec.sign("POST", "/api/v1/payments", "{\"amount\":1999}");

        assertThat(ec.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256);
        assertThat(header.value()).startsWith("PAYRAIL-SHA256-ECDSA-P256 merchant_id=\"M100001\",key_id=\"K1\",");
        assertThat(header.signature()[0]).as("DER SEQUENCE, not raw r||s").isEqualTo((byte) 0x30);
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(TestKeys.MERCHANT_EC.getPublic());
        verifier.update(("POST\n/api/v1/payments\n1767225600\n" + NONCE + "\n{\"amount\":1999}\n").getBytes("UTF-8"));
        assertThat(verifier.verify(header.signature())).isTrue();
    }

    @Test
    void anEcKeyOnAnotherCurveIsRefused() {
        assertThatThrownBy(() -> new RequestSigner("M100001", "K1", TestKeys.ec("secp384r1").getPrivate()))
                .hasMessageContaining("P-256");
    }

    @Test
    void signingIsDeterministicForTheSameInputs() {
        assertThat(signer.sign("GET", "/api/v1/payments", null))
                .isEqualTo(signer.sign("GET", "/api/v1/payments", null));
    }

    @Test
    void timestampComesFromTheClockAndNonceFromTheSupplier() {
        RequestSigner live = new RequestSigner("M100001", "K1", TestKeys.privateKey(TestKeys.MERCHANT));
        long before = Instant.now().getEpochSecond();

        AuthorizationHeader first = live.sign("GET", "/api/v1/payments", null);
        AuthorizationHeader second = live.sign("GET", "/api/v1/payments", null);

        assertThat(first.timestamp()).isBetween(before, Instant.now().getEpochSecond());
        assertThat(first.nonce()).hasSize(32).isNotEqualTo(second.nonce());
    }

    @Test
    void weakKeysAndUnsafeIdsAreRefused() {
        assertThatThrownBy(() -> new RequestSigner("M100001", "K1", TestKeys.privateKey(TestKeys.rsa(1024))))
                .hasMessageContaining("1024 bits");
        assertThatThrownBy(() -> new RequestSigner("M1\",x=\"", "K1", TestKeys.privateKey(TestKeys.MERCHANT)))
                .hasMessageContaining("merchant id");
        assertThatThrownBy(() -> new RequestSigner("M1", "K 1", TestKeys.privateKey(TestKeys.MERCHANT)))
                .hasMessageContaining("key id");
    }

    @Test
    void noncesAre32UnpredictableCharactersOfTheAlphabet() {
        Set<String> nonces = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> nonces.add(Nonces.next()));

        assertThat(nonces).hasSize(10_000).allSatisfy(nonce -> assertThat(nonce).matches("[A-Za-z0-9_-]{32}"));
        // every one of the 64 characters turns up: the whole alphabet is used
        Set<Integer> seen = new HashSet<>();
        nonces.forEach(nonce -> nonce.chars().forEach(seen::add));
        assertThat(seen).hasSize(64);
    }

    /** Reads the header as the protocol text describes it: any order, optional spaces after commas. */
    static Map<String, String> attributes(String header) {
        assertThat(header).startsWith("PAYRAIL-SHA256-RSA2048 ");
        Map<String, String> attributes = new HashMap<>();
        Matcher m = Pattern.compile("([a-z_]+)=\"([^\"]*)\"(?:, ?|$)").matcher(header.substring(23));
        while (m.find()) {
            assertThat(attributes.put(m.group(1), m.group(2))).isNull();
        }
        return attributes;
    }
}
