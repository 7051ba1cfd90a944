package io.payrail.simulator.channel;

import io.payrail.simulator.crypto.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Callbacks over HTTP with the JDK's client: plain {@code http://} URLs, or {@code https://} trusting
 * either the JVM's default trust store or, when given, exactly the certificates in a PEM file (the
 * platform's own certificate or its CA). Host names are always verified; there is no "trust
 * everything" mode.
 */
public final class HttpCallbackTransport implements CallbackTransport {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BODY_CHARS = 4096;

    private final HttpClient client;

    private HttpCallbackTransport(HttpClient client) {
        this.client = client;
    }

    /** @param trustPem PEM file of the certificates to trust for https callbacks, or null for the JVM's defaults */
    public static HttpCallbackTransport create(Path trustPem) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (trustPem != null) {
            builder.sslContext(trusting(trustPem));
        }
        return new HttpCallbackTransport(builder.build());
    }

    /** An SSL context that trusts exactly the certificates in the file. */
    static SSLContext trusting(Path pemFile) {
        try {
            List<Certificate> certificates = Pem.certificates(Files.readString(pemFile, StandardCharsets.US_ASCII));
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the callback trust certificates " + pemFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the certificates in " + pemFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Reply> post(URI target, CallbackMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", message.contentType())
                .header("User-Agent", "payrail-channel-simulator")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
        message.headers().forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> new Reply(response.statusCode(), cut(response.body())));
    }

    private static String cut(String body) {
        return body == null ? "" : body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS);
    }
}
