package io.payrail.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

/** The wire names of the algorithms, and that each verifies only its own kind of key and signature. */
class SignatureAlgorithmTest {

    private static final byte[] TEXT = "POST\n/api/v1/payments\n1767225600\nnonce\n{}\n".getBytes(StandardCharsets.UTF_8);

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void tokensAndSchemesAreThoseOfTheProtocol() {
        assertThat(SignatureAlgorithm.RSA_2048.scheme()).isEqualTo("PAYRAIL-SHA256-RSA2048");
        assertThat(SignatureAlgorithm.ECDSA_P256.scheme()).isEqualTo("PAYRAIL-SHA256-ECDSA-P256");
        assertThat(SignatureAlgorithm.ofToken("SHA256-ECDSA-P256")).contains(SignatureAlgorithm.ECDSA_P256);
        assertThat(SignatureAlgorithm.ofToken("sha256-ecdsa-p256")).isEmpty();
    }

    @Test
    void anEcdsaSignatureIsDerAndVerifiesWithItsKeyOnly() throws Exception {
        KeyPair ec = ec();
        assertThat(SignatureAlgorithm.of(ec.getPrivate())).isEqualTo(SignatureAlgorithm.ECDSA_P256);
        byte[] signature = SignatureAlgorithm.ECDSA_P256.sign(ec.getPrivate(), TEXT);
        // DER: SEQUENCE { INTEGER r, INTEGER s }, 70 to 72 bytes for P-256, never the 64 of raw r||s
        assertThat(signature[0]).isEqualTo((byte) 0x30);
        assertThat(signature[1] & 0xff).isEqualTo(signature.length - 2);
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(ec.getPublic(), TEXT, signature)).isTrue();
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(ec().getPublic(), TEXT, signature)).isFalse();
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(ec.getPublic(), "other".getBytes(StandardCharsets.UTF_8),
                signature)).isFalse();
    }

    @Test
    void anAlgorithmNeverVerifiesWithAKeyOfTheOtherKind() throws Exception {
        KeyPair rsa = rsa();
        byte[] signature = SignatureAlgorithm.RSA_2048.sign(rsa.getPrivate(), TEXT);
        assertThat(SignatureAlgorithm.RSA_2048.verifies(rsa.getPublic(), TEXT, signature)).isTrue();
        assertThat(SignatureAlgorithm.ECDSA_P256.verifies(rsa.getPublic(), TEXT, signature)).isFalse();
        assertThat(SignatureAlgorithm.RSA_2048.verifies(ec().getPublic(), TEXT, signature)).isFalse();
    }
}
