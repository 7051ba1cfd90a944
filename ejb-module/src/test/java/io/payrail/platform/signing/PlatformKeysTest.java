package io.payrail.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.SignatureAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's keys from a real PKCS#12 keystore holding the documentation's TEST-ONLY example
 * keys: an RSA entry and an EC P-256 entry. Merchants' answers are signed with the algorithm of
 * the signing entry; channels always get the RSA entry.
 */
class PlatformKeysTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final byte[] TEXT = "PAYRAIL-RESPONSE\n1\nn\nM1\nN1\n{}\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void anRsaSigningKeySignsEverythingWithRsaAsBefore(@TempDir Path dir) throws Exception {
        PlatformKeys keys = load(keystore(dir), "platform-1", null);

        assertThat(keys.signingAlgorithm()).isEqualTo(SignatureAlgorithm.RSA_2048);
        assertThat(keys.channelKeyId()).isEqualTo("PLATFORM-1");
        assertThat(verifies(keys, "PLATFORM-1", SignatureAlgorithm.RSA_2048, keys.sign(TEXT))).isTrue();
    }

    @Test
    void anEcSigningKeySignsForMerchantsWhileChannelsKeepTheRsaKey(@TempDir Path dir) throws Exception {
        PlatformKeys keys = load(keystore(dir), "platform-ec-1", "platform-1");

        assertThat(keys.signingKeyId()).isEqualTo("PLATFORM-EC-1");
        assertThat(keys.signingAlgorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256);
        assertThat(verifies(keys, "PLATFORM-EC-1", SignatureAlgorithm.ECDSA_P256, keys.sign(TEXT))).isTrue();
        assertThat(keys.channelKeyId()).isEqualTo("PLATFORM-1");
        assertThat(verifies(keys, "PLATFORM-1", SignatureAlgorithm.RSA_2048, keys.signForChannels(TEXT))).isTrue();
        // both certificates are published, as during a rotation
        assertThat(keys.certificates()).extracting(PlatformKeys.PublishedCertificate::keyId)
                .containsExactlyInAnyOrder("PLATFORM-1", "PLATFORM-EC-1");
    }

    @Test
    void anEcSigningKeyWithoutAnRsaKeyForChannelsIsRefusedAtLoad(@TempDir Path dir) throws Exception {
        Path keystore = keystore(dir);
        assertThatThrownBy(() -> load(keystore, "platform-ec-1", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no RSA key entry 'PLATFORM-EC-1'")
                .hasMessageContaining("payrail.signing.channel-key-id");
    }

    private static boolean verifies(PlatformKeys keys, String keyId, SignatureAlgorithm algorithm, String signature) {
        var certificate = keys.certificates().stream().filter(c -> c.keyId().equals(keyId)).findFirst().orElseThrow();
        return algorithm.verifies(certificate.certificate().getPublicKey(), TEXT, Base64.getDecoder().decode(signature));
    }

    private static Path keystore(Path dir) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("platform-1", privateKey("RSA", "example-platform-private.pem"), "changeit".toCharArray(),
                new Certificate[] {certificate("example-platform-certificate.pem")});
        store.setKeyEntry("platform-ec-1", privateKey("EC", "example-platform-ec-private.pem"), "changeit".toCharArray(),
                new Certificate[] {certificate("example-platform-ec-certificate.pem")});
        Path file = dir.resolve("platform.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    /** PlatformKeys as CDI would leave it, configured the way MicroProfile Config would. */
    private static PlatformKeys load(Path keystore, String signingKeyId, String channelKeyId) throws Exception {
        PlatformKeys keys = new PlatformKeys();
        set(keys, "keystorePath", Optional.of(keystore.toString()));
        set(keys, "keystorePassword", Optional.of("changeit"));
        set(keys, "signingKeyId", signingKeyId);
        set(keys, "channelKeyIdConfig", Optional.ofNullable(channelKeyId));
        Method load = PlatformKeys.class.getDeclaredMethod("load");
        load.setAccessible(true);
        try {
            load.invoke(keys);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
        return keys;
    }

    private static PrivateKey privateKey(String algorithm, String file) throws Exception {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(
                Files.readString(EXAMPLES.resolve(file)).replaceAll("-----[A-Z ]+-----", ""))));
    }

    private static Certificate certificate(String file) throws Exception {
        return CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(EXAMPLES.resolve(file))));
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
