package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The channel simulator's record of what it charged, and its failure injection. */
final class Simulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Simulator() {
    }

    static JsonObject charges(String merchantRef) {
        return call(HttpRequest.newBuilder(uri("/admin/charges/" + merchantRef)).GET());
    }

    static void configure(String json) {
        call(HttpRequest.newBuilder(uri("/admin/config")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Failure injection back to none (the record of charges is kept). */
    static void reset() {
        call(HttpRequest.newBuilder(uri("/admin/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static URI uri(String path) {
        return URI.create(System.getProperty("payrail.systest.simUrl") + path);
    }

    private static JsonObject call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("simulator answered " + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new IllegalStateException("the channel simulator does not answer; ./payrail test starts it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
