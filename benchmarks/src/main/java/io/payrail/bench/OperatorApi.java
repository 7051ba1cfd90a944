package io.payrail.bench;

import io.payrail.sdk.pem.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Onboards the run's merchant through the operator API (a staff member's bearer token), as an operator would. */
final class OperatorApi {

    private final String base;
    private final String token;
    private final HttpClient http;

    OperatorApi(String baseUrl, String token, SSLContext tls) {
        this.base = baseUrl.replaceAll("/+$", "") + "/api/operator";
        this.token = token;
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A new active merchant taking USD (amounts up to 1,000,000.00), with the given notify URL. */
    void createMerchant(String id, String name, String notifyUrl) throws IOException, InterruptedException {
        String body = "{\"id\":" + Json.quote(id) + ",\"name\":" + Json.quote(name) + ",\"notifyUrl\":"
                + Json.quote(notifyUrl) + ",\"rateLimitPerMinute\":1000000,"
                + "\"currencies\":[{\"currency\":\"USD\",\"maxAmount\":100000000}]}";
        call("POST", "/merchants", body, 201);
    }

    void registerKey(String merchantId, String keyId, PublicKey key) throws IOException, InterruptedException {
        String body = "{\"keyId\":" + Json.quote(keyId) + ",\"publicKeyPem\":" + Json.quote(Pem.writePublicKey(key))
                + "}";
        call("POST", "/merchants/" + merchantId + "/keys", body, 200);
    }

    private void call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new Refused(response.statusCode(), "operator API " + method + " " + path + " answered HTTP "
                    + response.statusCode() + " (expected " + expected + "): " + Json.excerpt(response.body()));
        }
    }

    /** The operator API answered, but not as asked: its status tells a refusal from an outage. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
