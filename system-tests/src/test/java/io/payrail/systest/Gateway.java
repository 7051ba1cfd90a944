package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS to the gateway, trusting exactly the certificate the run scripts generated. */
final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .sslContext(trusting(Path.of(System.getProperty("payrail.systest.tlsCert"))))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Gateway() {
    }

    static String baseUrl() {
        return System.getProperty("payrail.systest.baseUrl");
    }

    /** The same server's plain-HTTP listener, which must refuse every authenticated operation. */
    static String plainHttpUrl() {
        return System.getProperty("payrail.systest.httpUrl");
    }

    /** An HTTP answer: status, content type and body text (parsed on demand). */
    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        boolean isProblem() {
            return "application/problem+json".equals(contentType);
        }
    }

    static Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    /** A POST of exact bytes (a body a String cannot hold, such as invalid UTF-8) with the given headers. */
    static Answer post(String url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(plainHttp1(url, request));
    }

    static Answer get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        return send(plainHttp1(url, request));
    }

    /** Over plain HTTP, HTTP/1.1 as a merchant's simple client would speak it (no h2c upgrade dance). */
    private static HttpRequest.Builder plainHttp1(String url, HttpRequest.Builder request) {
        return url.startsWith("http:") ? request.version(HttpClient.Version.HTTP_1_1) : request;
    }

    static Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        return new Answer(response.statusCode(), type, response.body(), response);
    }

    /** The answer with its body bytes exactly as received (what a platform signature covers). */
    static HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException("the gateway at " + baseUrl() + " does not answer;"
                    + " ./payrail test starts it (PAYRAIL_KEEP_TEST_STACK=1 keeps it up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("payrail", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the gateway's TLS certificate from " + pem
                    + "; ./payrail test writes it when it creates the domain", e);
        }
    }
}
