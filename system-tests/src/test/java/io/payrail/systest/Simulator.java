package io.payrail.systest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel simulator's record of what it charged, and its failure injection: SIMBANK and
 * SIMBANK2 ({@code /admin/...}, {@code /admin/bank2/...}) and WALLET ({@code /admin/channels/wallet/...}).
 */
final class Simulator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b([0-9]{6})\\b");

    private Simulator() {
    }

    static JsonObject charges(String merchantRef) {
        return call(HttpRequest.newBuilder(uri("/admin/charges/" + merchantRef)).GET());
    }

    static JsonObject bank2Charges(String merchantRef) {
        return call(HttpRequest.newBuilder(uri("/admin/bank2/charges/" + merchantRef)).GET());
    }

    static void configure(String json) {
        put("/admin/config", json);
    }

    /** SIMBANK's failure plan as it stands (its counters show what is left to inject). */
    static JsonObject config() {
        return call(HttpRequest.newBuilder(uri("/admin/config")).GET());
    }

    static void configureBank2(String json) {
        put("/admin/bank2/config", json);
    }

    /** Failure injection back to none on every channel (the records are kept). */
    static void reset() {
        post("/admin/reset");
        post("/admin/bank2/reset");
        post("/admin/channels/reset");
    }

    /** WALLET's failure plan: changes only the fields given (operator.md section 4). */
    static void walletFaults(String json) {
        put("/admin/channels/wallet/faults", json);
    }

    /** WALLET's record of one order: status, charges, refunds, callbacks. */
    static JsonObject walletRecord(String merchantRef) {
        return record("wallet", merchantRef);
    }

    /** What {@code channel} (cardgw, quickpay, wallet) really did for one reference (operator.md §5). */
    static JsonObject record(String channel, String merchantRef) {
        return call(HttpRequest.newBuilder(uri("/admin/channels/" + channel + "/records/" + merchantRef)).GET());
    }

    /** The latest SMS code QUICKPAY "texted" for a binding or an agreement (quickpay.md §3.3). */
    static String quickPayCode(String bindOrAgreementId) {
        return call(HttpRequest.newBuilder(uri("/admin/channels/quickpay/codes/" + bindOrAgreementId)).GET()).getString("code");
    }

    /** WALLET's callback events for one order, in the order they were raised. */
    static JsonObject walletCallbacks(String merchantRef) {
        return call(HttpRequest.newBuilder(uri("/admin/channels/wallet/callbacks/" + merchantRef)).GET());
    }

    /** What the payer's click on the wallet page does. */
    static JsonObject walletPayerApproves(String merchantRef) {
        return post("/admin/channels/wallet/payer/" + merchantRef + "/approve");
    }

    /**
     * Makes SIMBANK's statement of one day disagree with what it did (PROTOCOL.md section 8,
     * "Statement differences"); answers the differences with the ids given to the extra lines.
     */
    static JsonObject statementDiffs(String day, String json) {
        return put("/admin/statement-diffs/" + day, json);
    }

    /** SIMBANK's record of one transfer: how many requests, how many executions (more than 1 is a bug). */
    static JsonObject transferRecord(String transferRef) {
        return call(HttpRequest.newBuilder(uri("/admin/transfers/" + transferRef)).GET());
    }

    /** A transfer sent to SIMBANK directly (as the platform would), answered with the bank's decision. */
    static JsonObject transfer(String json) {
        return call(HttpRequest.newBuilder(uri("/bank/v1/transfers")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * The latest one-time code the message gateway was asked to send to {@code to} (a payer's login),
     * once one was sent after {@code after} (null: any).
     */
    static String latestCode(String to, String after) {
        JsonObject messages = call(HttpRequest.newBuilder(uri("/admin/messages?to="
                + URLEncoder.encode(to, StandardCharsets.UTF_8))).GET());
        var list = messages.getJsonArray("messages");
        if (list.isEmpty() || list.getJsonObject(0).getString("id").equals(after)) {
            return null;
        }
        Matcher code = SIX_DIGITS.matcher(list.getJsonObject(0).getString("text"));
        if (!code.find()) {
            throw new IllegalStateException("the message to " + to + " holds no 6-digit code");
        }
        return code.group(1);
    }

    /** The id of the latest message to {@code to}, or null: a later code is a new message. */
    static String latestMessageId(String to) {
        var list = call(HttpRequest.newBuilder(uri("/admin/messages?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)))
                .GET()).getJsonArray("messages");
        return list.isEmpty() ? null : list.getJsonObject(0).getString("id");
    }

    private static JsonObject put(String path, String json) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonObject post(String path) {
        return call(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
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
