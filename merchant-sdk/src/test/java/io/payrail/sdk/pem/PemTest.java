package io.payrail.sdk.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.TestKeys;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PemTest {

    @Test
    void aWrittenPublicKeyReadsBackAsTheSameKey() {
        RSAPublicKey key = TestKeys.publicKey(TestKeys.MERCHANT);

        String pem = Pem.writePublicKey(key);

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allSatisfy(
                line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(Pem.readPublicKey(pem)).isEqualTo(key);
    }

    @Test
    void aSigningKeyIsReadWhetherRsaOrEc() {
        assertThat(Pem.readSigningKey(Pem.write("PRIVATE KEY", TestKeys.MERCHANT_EC.getPrivate().getEncoded())))
                .isEqualTo(TestKeys.MERCHANT_EC.getPrivate());
        assertThat(Pem.readSigningKey(Pem.write("PRIVATE KEY", TestKeys.MERCHANT.getPrivate().getEncoded())))
                .isEqualTo(TestKeys.MERCHANT.getPrivate());
        assertThatThrownBy(() -> Pem.readSigningKey(Pem.write("PRIVATE KEY", new byte[] {0x30, 0x00})))
                .hasMessageContaining("neither a PKCS#8 RSA nor a PKCS#8 EC private key");
    }

    @Test
    void aPkcs8PrivateKeyReadsBackAsTheSameKey() throws Exception {
        String pem = Pem.write("PRIVATE KEY", TestKeys.MERCHANT.getPrivate().getEncoded());

        assertThat(Pem.readPrivateKey(pem)).isEqualTo(TestKeys.MERCHANT.getPrivate());
        // and its public half is the pair's public key
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) Pem.readPrivateKey(pem);
        assertThat(KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())))
                .isEqualTo(TestKeys.MERCHANT.getPublic());
    }

    @Test
    void aCertificateReadsBackAndTextAroundBlocksIsIgnored() {
        String pem = FakePlatform.pem(TestKeys.PLATFORM_1_CERTIFICATE);

        assertThat(Pem.readCertificate(pem)).isEqualTo(TestKeys.PLATFORM_1_CERTIFICATE);
        assertThat(Pem.readCertificate("Subject: CN=Payrail (\u00e9)\r\n" + pem.replace("\n", "\r\n") + "trailer"))
                .isEqualTo(TestKeys.PLATFORM_1_CERTIFICATE);
    }

    @Test
    void aBundleYieldsEveryCertificateInOrder() {
        String bundle = FakePlatform.pem(TestKeys.PLATFORM_1_CERTIFICATE) + FakePlatform.pem(TestKeys.PLATFORM_2_CERTIFICATE);

        assertThat(Pem.readCertificates(bundle))
                .containsExactly(TestKeys.PLATFORM_1_CERTIFICATE, TestKeys.PLATFORM_2_CERTIFICATE);
        assertThatThrownBy(() -> Pem.readCertificate(bundle)).hasMessageContaining("found 2");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.readPrivateKey(pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheCommandThatDecryptsIt() {
        String encrypted = "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.readPrivateKey(encrypted)).hasMessageContaining("openssl pkcs8 -in");
    }

    @Test
    void aPrivateKeyWhereAPublicKeyBelongsIsNamed() {
        String pem = Pem.write("PRIVATE KEY", TestKeys.MERCHANT.getPrivate().getEncoded());

        assertThatThrownBy(() -> Pem.readPublicKey(pem)).hasMessageContaining("-pubout");
    }

    @Test
    void brokenBlocksAreRefused() {
        assertThatThrownBy(() -> Pem.readPublicKey("no pem here")).hasMessageContaining("found no PEM block");
        assertThatThrownBy(() -> Pem.readPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n"))
                .hasMessageContaining("no '-----END PUBLIC KEY-----' line");
        assertThatThrownBy(() -> Pem.readPublicKey("-----BEGIN PUBLIC KEY-----\nA*A=\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("not plain Base64");
        String notAKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Pem.readPublicKey("-----BEGIN PUBLIC KEY-----\n" + notAKey + "\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("not an X.509 RSA public key");
    }
}
