package io.payrail.channel.wallet;

import io.payrail.channel.ExampleKeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.platform.signing.PlatformKeys;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production signer over a real {@link PlatformKeys} (a PKCS#12 keystore holding the example
 * platform key and its published certificate): WALLET's key id, and the worked example's signature.
 */
class PlatformKeysSignerTest {

    @Test
    void signsTheWorkedExampleWithThePlatformKeyUnderWalletsKeyId(@TempDir Path dir) throws Exception {
        Signer signer = new PlatformKeysSigner(platformKeys(dir, "platform-1"));

        assertThat(signer.keyId()).isEqualTo(ExampleKeys.PLATFORM_KID);
        assertThat(DetachedJws.sign(DetachedJwsTest.REQUEST_HEADER,
                DetachedJwsTest.REQUEST_BODY.getBytes(StandardCharsets.UTF_8), signer::sign))
                .isEqualTo(DetachedJwsTest.REQUEST_SIGNATURE);
    }

    /** PlatformKeys as CDI would leave it, its configuration set the way MicroProfile Config would. */
    private static PlatformKeys platformKeys(Path dir, String alias) throws Exception {
        char[] password = "changeit".toCharArray();
        Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                Files.readAllBytes(ExampleKeys.file("example-certificate.pem"))));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, ExampleKeys.PLATFORM_PRIVATE, password, new Certificate[] {certificate});
        Path file = dir.resolve("platform.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        PlatformKeys keys = new PlatformKeys();
        set(keys, "keystorePath", Optional.of(file.toString()));
        set(keys, "keystorePassword", Optional.of(new String(password)));
        set(keys, "signingKeyId", alias);
        set(keys, "channelKeyIdConfig", Optional.empty());
        Method load = PlatformKeys.class.getDeclaredMethod("load");
        load.setAccessible(true);
        load.invoke(keys);
        return keys;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
