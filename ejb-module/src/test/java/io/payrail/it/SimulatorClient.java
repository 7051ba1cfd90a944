package io.payrail.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;

/** The channel simulator's own record and failure injection, read over HTTP like an operator would. */
final class SimulatorClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimulatorClient() {
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("payrail.channel.simbank.url", String.class);
    }

    /** {requests, charges, status} the simulator recorded for a merchant reference (our order id). */
    static JsonObject charges(String merchantRef) {
        return get("/admin/charges/" + merchantRef);
    }

    /** The next {@code count} requests for {@code merchantRef} fail with {@code status}, charging nothing. */
    static void failNext(String merchantRef, int count, int status) {
        put("/admin/config", Json.createObjectBuilder().add("failStatus", status)
                .add("failRefs", Json.createObjectBuilder().add(merchantRef, count)).build().toString());
    }

    /** SIMBANK2's record of a reference. */
    static JsonObject bank2Charges(String merchantRef) {
        return get("/admin/bank2/charges/" + merchantRef);
    }

    /** Changes the given fields of SIMBANK's failure plan (PROTOCOL.md §8). */
    static void configure(String json) {
        put("/admin/config", json);
    }

    /** SIMBANK's and SIMBANK2's failure plans back to none; their records are kept. */
    static void reset() {
        post("/admin/reset");
        post("/admin/bank2/reset");
    }

    private static JsonObject post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static JsonObject get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    private static JsonObject put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonObject send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (IOException e) {
            throw new IllegalStateException("the channel simulator is not reachable at " + base()
                    + "; ./payrail test starts it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
