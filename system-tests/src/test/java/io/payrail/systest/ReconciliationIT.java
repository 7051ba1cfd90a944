package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of SIMBANK's statement against the books, with differences injected at the
 * simulator for today's statement: each difference gives exactly its discrepancy case, and the
 * cases resolved under maker-checker leave nothing in suspense; an operator never approves their
 * own proposal.
 */
class ReconciliationIT {

    private final String DAY = UtcDays.today(Duration.ofMinutes(5)).toString();

    private final TestMerchant merchant = Merchants.fresh("RECON", 10_000);

    @AfterEach
    void noDifferencesLeft() {
        Simulator.statementDiffs(DAY, "{}");
        Simulator.reset();
    }

    private String settledAtSimBank(long amount, String expectedState) {
        String id = merchant.pay(Payments.newOrderNo("recon"), amount);
        assertThat(Payments.awaitFinal(merchant, id, Duration.ofSeconds(15)).getString("state")).isEqualTo(expectedState);
        assertThat(Database.string("SELECT channel_id FROM payment_order WHERE id = ?", id))
                .as("BANK_CARD goes to SIMBANK first").isEqualTo("SIMBANK");
        return id;
    }

    /** The operator API as one staff member, with their own token. */
    private static Gateway.Answer as(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/api/operator" + path))
                .header("Authorization", "Bearer " + token);
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString(body));
        return Gateway.send(request);
    }

    /** A FINANCE member of their own (maker-checker needs two different people), signed in. */
    private static String operator(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = StaffApiIT.readyMember(id, Staff.FINANCE);
        return Staff.requestToken(id, password, null).json().getString("token");
    }

    private static String proposal(String resolution, String reason) {
        return Json.createObjectBuilder().add("resolution", resolution).add("reason", reason).build().toString();
    }

    @Test
    void injectedDifferencesBecomeExactlyTheirCasesAndMakerCheckerClearsSuspense() {
        String missing = settledAtSimBank(1_000, "SUCCEEDED");
        String wrongAmount = settledAtSimBank(2_000, "SUCCEEDED");
        String matched = settledAtSimBank(3_000, "SUCCEEDED");
        String failed = settledAtSimBank(1_013, "FAILED");
        String wrongFee = settledAtSimBank(4_000, "SUCCEEDED"); // SIMBANK's contract: 0.25 %, 10.00 → 10
        String ghost = "pay_GHOST" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

        // the bank's outage on the statement: refused as unavailable, nothing imported
        Simulator.configure("{\"failOperations\":[\"STATEMENT\"],\"failRefs\":{\"" + DAY + "\":1},\"failStatus\":503}");
        Gateway.Answer unavailable = as(Staff.token(Staff.FINANCE), "POST", "/statements/SIMBANK/" + DAY + "/import", null);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.isProblem()).isTrue();
        assertThat(unavailable.json().getString("code")).isEqualTo("STATEMENT_UNAVAILABLE");
        Simulator.reset();

        JsonObject diffs = Simulator.statementDiffs(DAY, Json.createObjectBuilder()
                .add("missing", Json.createArrayBuilder().add(missing))
                .add("amounts", Json.createObjectBuilder().add(wrongAmount, Json.createObjectBuilder().add("amount", 1_900)))
                .add("fees", Json.createObjectBuilder().add(wrongFee, 40))
                .add("extra", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("merchantRef", failed).add("amount", 1_013).add("currency", "USD"))
                        .add(Json.createObjectBuilder().add("merchantRef", ghost).add("amount", 2_500).add("currency", "USD")
                                .add("fee", 6)))
                .build().toString());
        Map<String, String> extraTxn = new HashMap<>();
        for (JsonValue line : diffs.getJsonArray("extra")) {
            extraTxn.put(line.asJsonObject().getString("merchantRef"), line.asJsonObject().getString("transactionId"));
        }

        JsonObject imported = Staff.as(Staff.FINANCE, "POST", "/statements/SIMBANK/" + DAY + "/import", null, 200).json();
        assertThat(imported.getString("status")).isEqualTo("IMPORTED");
        assertThat(imported.getString("sha256")).hasSize(64);
        JsonObject again = Staff.as(Staff.FINANCE, "POST", "/statements/SIMBANK/" + DAY + "/import", null, 200).json();
        assertThat(again.getBoolean("unchanged")).as("the same file again changes nothing").isTrue();
        assertThat(again.getInt("newMovements")).isZero();

        JsonObject day = Staff.as(Staff.FINANCE, "POST", "/reconciliation/SIMBANK/" + DAY, null, 200).json();
        Map<String, JsonObject> mine = casesOf(day.getJsonArray("cases"), missing, wrongAmount, matched, failed,
                extraTxn.get(ghost), wrongFee);
        assertThat(mine).as("exactly one case per injected difference, none for the matched payment")
                .containsOnlyKeys(missing, wrongAmount, failed, extraTxn.get(ghost), wrongFee);
        assertThat(mine.get(wrongFee).getString("kind")).isEqualTo("FEE_MISMATCH");
        assertThat(mine.get(wrongFee).getJsonObject("expected").getInt("amount")).as("the contract's fee").isEqualTo(10);
        assertThat(mine.get(wrongFee).getJsonObject("reported").getInt("amount")).as("the channel's").isEqualTo(40);
        assertThat(day.getJsonObject("classes").getInt("FEE_MISMATCH")).isPositive();
        assertThat(mine.get(missing).getString("kind")).isEqualTo("MISSING_AT_CHANNEL");
        assertThat(mine.get(wrongAmount).getString("kind")).isEqualTo("AMOUNT_MISMATCH");
        assertThat(mine.get(wrongAmount).getJsonObject("reported").getInt("amount")).isEqualTo(1_900);
        assertThat(mine.get(failed).getString("kind")).as("paid at the channel, FAILED here").isEqualTo("STATE_MISMATCH");
        assertThat(mine.get(extraTxn.get(ghost)).getString("kind")).isEqualTo("MISSING_AT_PLATFORM");

        JsonObject rerun = Staff.as(Staff.FINANCE, "POST", "/reconciliation/SIMBANK/" + DAY, null, 200).json();
        assertThat(casesOf(rerun.getJsonArray("cases"), missing, wrongAmount, matched, failed, extraTxn.get(ghost),
                wrongFee)).as("a second run raises nothing more").hasSize(5);

        String maker = operator("maker");
        String checker = operator("checker");
        Map<String, String> resolutions = Map.of(missing, "ACCEPT_CHANNEL", wrongAmount, "WRITE_OFF",
                failed, "ACCEPT_CHANNEL", extraTxn.get(ghost), "WRITE_OFF", wrongFee, "ACCEPT_CHANNEL");
        for (Map.Entry<String, String> r : resolutions.entrySet()) {
            String caseId = mine.get(r.getKey()).getString("id");
            assertThat(inSuspense(Staff.as(Staff.FINANCE, "GET", "/cases/" + caseId, null, 200).json()))
                    .as("case %s waits in suspense", caseId).isNotZero();
            Gateway.Answer proposed = as(maker, "POST", "/cases/" + caseId + "/proposal",
                    proposal(r.getValue(), "statement checked against the bank's portal"));
            assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
            assertThat(proposed.json().getString("state")).isEqualTo("PROPOSED");

            Gateway.Answer self = as(maker, "POST", "/cases/" + caseId + "/approval", null);
            assertThat(self.status()).as("the maker cannot approve their own proposal").isEqualTo(403);
            assertThat(self.isProblem()).isTrue();
            assertThat(self.json().getString("code")).isEqualTo("SELF_APPROVAL_FORBIDDEN");

            Gateway.Answer approved = as(checker, "POST", "/cases/" + caseId + "/approval", null);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().getString("state")).isEqualTo("RESOLVED");
            assertThat(approved.json().getString("decidedBy")).isNotEqualTo(approved.json().getString("proposedBy"));
            assertThat(inSuspense(approved.json())).as("case %s leaves nothing in suspense", caseId).isZero();
        }
        Gateway.Answer notApplicable = as(maker, "POST", "/cases/" + mine.get(extraTxn.get(ghost)).getString("id")
                + "/proposal", proposal("WRITE_OFF", "again"));
        assertThat(notApplicable.status()).as("a resolved case takes no proposal").isEqualTo(409);

        long suspenseOfMyCases = Database.count("SELECT COALESCE(SUM(p.amount_minor), 0) FROM posting p JOIN journal_entry e"
                + " ON e.id = p.journal_entry_id WHERE p.account_type = 'SUSPENSE' AND e.reference_id IN (?, ?, ?, ?, ?)",
                List.of(missing, wrongAmount, failed, extraTxn.get(ghost), wrongFee).stream()
                        .map(k -> mine.get(k).getString("id") + ":USD").toArray());
        assertThat(suspenseOfMyCases).as("suspense back at zero for these cases").isZero();
        assertThat(Staff.as(Staff.FINANCE, "GET", "/ledger/balances", null, 200).json().getJsonObject("trialBalance")
                .getJsonNumber("USD").longValue()).as("trial balance").isZero();

        // what the accepted cases moved on the merchant's balance is settled with its reconciled captures:
        // the missing payment's 10.00 taken back, the failed order's 10.13 the bank took paid out
        Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + merchant.id(), Json.createObjectBuilder()
                .add("delayDays", 0).add("account", "DE89370400440532013000").add("name", "Recon").build().toString(), 200);
        Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + DAY, null, 200);
        JsonObject batch = Staff.as(Staff.FINANCE, "GET", "/settlements?merchantId=" + merchant.id(), null, 200).json()
                .getJsonArray("items").getJsonObject(0);
        assertThat(batch.getJsonNumber("adjustments").longValue()).isEqualTo(-1_000 + 1_013);
        assertThat(batch.getJsonNumber("gross").longValue()).as("matched and fee-mismatched captures").isEqualTo(7_000);
        assertThat(batch.getJsonNumber("net").longValue()).isEqualTo(batch.getJsonNumber("gross").longValue()
                - batch.getJsonNumber("refunds").longValue() - batch.getJsonNumber("fees").longValue() + 13);
        String csv = merchant.get("/api/v1/settlements/" + batch.getString("id") + "/lines").body();
        assertThat(csv).contains(",ADJUSTMENT_DEBIT," + mine.get(missing).getString("id") + ":USD,")
                .contains(",ADJUSTMENT_CREDIT," + mine.get(failed).getString("id") + ":USD,")
                .contains(",CAPTURE," + matched + ",").contains(",CAPTURE," + wrongFee + ",")
                .doesNotContain(wrongAmount);
    }

    /** The cases among {@code cases} about these orders (by id) or extra lines (by channel transaction id). */
    private static Map<String, JsonObject> casesOf(JsonArray cases, String... keys) {
        Map<String, JsonObject> out = new HashMap<>();
        List<String> wanted = List.of(keys);
        for (JsonValue v : cases) {
            JsonObject c = v.asJsonObject();
            String key = wanted.contains(c.getString("resourceId")) ? c.getString("resourceId")
                    : wanted.contains(c.getString("channelTxnId", "")) ? c.getString("channelTxnId") : null;
            if (key != null) {
                assertThat(out.put(key, c)).as("one case for %s", key).isNull();
            }
        }
        return out;
    }

    private static long inSuspense(JsonObject caseJson) {
        return caseJson.getJsonArray("inSuspense").stream().mapToLong(v -> v.asJsonObject().getJsonNumber("amount")
                .longValue()).sum();
    }
}
