package io.payrail.sdk.tls;

import io.payrail.sdk.pem.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds an {@link SSLContext} that trusts exactly the given certificates and nothing else (not
 * the JDK's CA list). Host names are still checked by the HTTP client against the certificate.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** Trusts the certificate(s) of a PEM file, e.g. {@code .runtime/dev/tls/payrail-tls.crt}. */
    public static SSLContext sslContextTrusting(Path pemFile) throws IOException {
        List<X509Certificate> certificates;
        try {
            certificates = Pem.readCertificates(Files.readString(pemFile, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
        }
        return sslContextTrusting(certificates);
    }

    public static SSLContext sslContextTrusting(List<X509Certificate> certificates) {
        try {
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trustStore.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a TLS context from the certificates: " + e.getMessage(), e);
        }
    }
}
