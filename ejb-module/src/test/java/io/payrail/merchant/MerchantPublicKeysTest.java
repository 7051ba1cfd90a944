package io.payrail.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.SignatureAlgorithm;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Which public keys a merchant may register, and what a refused one is told. */
class MerchantPublicKeysTest {

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair().getPublic();
    }

    static PublicKey ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair().getPublic();
    }

    @Test
    void rsaOf2048BitsAndEcOnP256AreTakenWithTheirAlgorithm() throws Exception {
        PublicKey rsa = rsa(2048);
        assertThat(MerchantPublicKeys.parse(pem(rsa))).isEqualTo(new MerchantPublicKeys.Parsed(SignatureAlgorithm.RSA_2048, rsa));
        PublicKey ec = ec("secp256r1");
        assertThat(MerchantPublicKeys.parse(pem(ec))).isEqualTo(new MerchantPublicKeys.Parsed(SignatureAlgorithm.ECDSA_P256, ec));
    }

    @Test
    void anotherCurveIsRefusedNamingTheOneTaken() throws Exception {
        String pem = pem(ec("secp384r1"));
        assertThatThrownBy(() -> MerchantPublicKeys.parse(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other than P-256").hasMessageContaining("ec_paramgen_curve:P-256");
    }

    @Test
    void aSmallRsaKeyIsRefused() throws Exception {
        String pem = pem(rsa(1024));
        assertThatThrownBy(() -> MerchantPublicKeys.parse(pem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024 bits; at least 2048");
    }

    @Test
    void anEd25519KeyOrGarbageIsRefused() throws Exception {
        String ed = pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic());
        assertThatThrownBy(() -> MerchantPublicKeys.parse(ed)).hasMessageContaining("neither an RSA nor an EC public key");
        assertThatThrownBy(() -> MerchantPublicKeys.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("neither an RSA nor an EC public key");
        assertThatThrownBy(() -> MerchantPublicKeys.parse("-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("not valid Base64");
        assertThatThrownBy(() -> MerchantPublicKeys.parse("ssh-rsa AAAA")).hasMessageContaining("BEGIN PUBLIC KEY");
    }

    @Test
    void aChannelKeyMustBeRsa() throws Exception {
        String pem = pem(ec("secp256r1"));
        assertThatThrownBy(() -> MerchantPublicKeys.parseRsa(pem)).hasMessageContaining("EC key where an RSA key");
    }
}
