package io.payrail.sdk.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.PayrailClient;
import io.payrail.sdk.testing.FakePlatform;
import io.payrail.sdk.testing.SelfSignedCertificate;
import io.payrail.sdk.testing.TestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a server with a self-signed certificate, trusted through its PEM file alone. */
class TrustedCertificatesTest {

    private static final KeyPair TLS_KEYS = TestKeys.rsa(2048);
    private static final X509Certificate TLS_CERTIFICATE = SelfSignedCertificate.create(TLS_KEYS, "localhost",
            Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));

    @TempDir
    Path dir;

    @Test
    void theClientTrustsTheServerWhoseCertificateFileItWasGiven() throws Exception {
        Path pem = Files.writeString(dir.resolve("server.crt"), FakePlatform.pem(TLS_CERTIFICATE));

        try (FakePlatform platform = FakePlatform.startTls(TestKeys.MERCHANT.getPublic(), serverTls())) {
            var response = client(platform, TrustedCertificates.sslContextTrusting(pem)).get("/api/v1/payments");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.isSignatureVerified()).isTrue();
            assertThat(platform.last().authFailure()).isNull();
        }
    }

    @Test
    void anotherCertificateIsNotTrusted() throws Exception {
        X509Certificate stranger = SelfSignedCertificate.create(TestKeys.rsa(2048), "localhost",
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        Path pem = Files.writeString(dir.resolve("other.crt"), FakePlatform.pem(stranger));

        try (FakePlatform platform = FakePlatform.startTls(TestKeys.MERCHANT.getPublic(), serverTls())) {
            PayrailClient client = client(platform, TrustedCertificates.sslContextTrusting(pem));
            assertThatThrownBy(() -> client.get("/api/v1/payments"))
                    .isInstanceOf(IOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aFileWithoutCertificatesIsNamed() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.crt"), "nothing");

        assertThatThrownBy(() -> TrustedCertificates.sslContextTrusting(empty)).hasMessageContaining("empty.crt");
    }

    private static PayrailClient client(FakePlatform platform, SSLContext tls) {
        return PayrailClient.builder().baseUri(platform.baseUri()).merchantId(FakePlatform.MERCHANT_ID)
                .keyId(FakePlatform.KEY_ID).privateKey(TestKeys.privateKey(TestKeys.MERCHANT))
                .fetchPlatformCertificates().sslContext(tls).build();
    }

    private static SSLContext serverTls() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("tls", TLS_KEYS.getPrivate(), "pw".toCharArray(), new Certificate[] {TLS_CERTIFICATE});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "pw".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
