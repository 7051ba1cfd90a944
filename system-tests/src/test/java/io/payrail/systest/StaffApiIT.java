package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator API's staff identities: tokens from id and password, refused when old, expired or
 * revoked, roles per endpoint (403 problem+json, nothing changed), one-time passwords, lock-out,
 * TOTP, and one audit row per action in an audit log nobody can rewrite.
 */
class StaffApiIT {

    private static final String LEGACY_TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void anOldSharedTokenIsRefused() {
        assertProblem(Staff.call(LEGACY_TOKEN, "GET", "/merchants/" + Payments.MERCHANT, null), 401,
                "OPERATOR_UNAUTHORIZED");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = "stf_expired-" + UUID.randomUUID();
        Database.update("INSERT INTO staff_token (token_sha256, staff_id, issued_at, expires_at) VALUES"
                + " (?, ?, UTC_TIMESTAMP(6) - INTERVAL 2 HOUR, UTC_TIMESTAMP(6) - INTERVAL 1 HOUR)",
                sha256(token), Staff.id(Staff.OPERATIONS));
        assertProblem(Staff.call(token, "GET", "/merchants/" + Payments.MERCHANT, null), 401, "OPERATOR_UNAUTHORIZED");
        // the same row a minute before its end: the token works, so the refusal above was its expiry
        String live = "stf_live-" + UUID.randomUUID();
        Database.update("INSERT INTO staff_token (token_sha256, staff_id, issued_at, expires_at) VALUES"
                + " (?, ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 MINUTE)",
                sha256(live), Staff.id(Staff.OPERATIONS));
        assertThat(Staff.call(live, "GET", "/merchants/" + Payments.MERCHANT, null).status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIsRefused() {
        String token = Staff.requestToken(Staff.id(Staff.SUPPORT), Staff.password(Staff.id(Staff.SUPPORT)), null)
                .json().getString("token");
        assertThat(Staff.call(token, "GET", "/merchants/" + Payments.MERCHANT, null).status()).isEqualTo(200);
        assertThat(Staff.call(token, "DELETE", "/tokens/current", null).status()).isEqualTo(204);
        assertProblem(Staff.call(token, "GET", "/merchants/" + Payments.MERCHANT, null), 401, "OPERATOR_UNAUTHORIZED");
    }

    @Test
    void aRoleWithoutTheRightIsRefusedAndNothingChanges() {
        TestMerchant merchant = Merchants.fresh("ROLE", 600);
        for (String role : new String[] {Staff.SUPPORT, Staff.AUDITOR, Staff.FINANCE, Staff.ADMIN}) {
            assertProblem(Staff.call(Staff.token(role), "POST", "/merchants/" + merchant.id() + "/suspend", null), 403,
                    "OPERATOR_FORBIDDEN");
        }
        assertThat(Database.string("SELECT status FROM merchant WHERE id = ?", merchant.id())).isEqualTo("ACTIVE");
        assertThat(auditRows("MERCHANT_SUSPENDED", merchant.id())).isZero();
        assertProblem(Staff.call(Staff.token(Staff.OPERATIONS), "GET", "/audit", null), 403, "OPERATOR_FORBIDDEN");
        assertProblem(Staff.call(Staff.token(Staff.OPERATIONS), "POST", "/staff",
                staffBody("intruder-" + suffix(), "ADMIN")), 403, "OPERATOR_FORBIDDEN");
    }

    @Test
    void eachActionLeavesExactlyOneAuditRowThatAuditorsReadAndNobodyRewrites() {
        TestMerchant merchant = Merchants.fresh("AUDIT", 600);
        Staff.as(Staff.OPERATIONS, "POST", "/merchants/" + merchant.id() + "/suspend", null, 200);

        assertThat(auditRows("MERCHANT_SUSPENDED", merchant.id())).isEqualTo(1);
        JsonObject row = Staff.as(Staff.AUDITOR, "GET", "/audit?action=MERCHANT_SUSPENDED&target=" + merchant.id(), null, 200)
                .json().getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("staffId")).isEqualTo(Staff.id(Staff.OPERATIONS));
        assertThat(row.getString("before")).contains("\"status\":\"ACTIVE\"");
        assertThat(row.getString("after")).contains("\"status\":\"SUSPENDED\"");
        assertThat(row.getString("address")).isNotBlank();
        assertThat(Staff.as(Staff.ADMIN, "GET", "/audit?target=" + merchant.id(), null, 200).json()
                .getJsonArray("items")).isNotEmpty();

        assertThatThrownBy(() -> Database.update("UPDATE staff_audit SET staff_id = 'someone-else' WHERE target = ?",
                merchant.id())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> Database.update("DELETE FROM staff_audit WHERE target = ?", merchant.id()))
                .hasMessageContaining("append-only");
        assertThat(auditRows("MERCHANT_SUSPENDED", merchant.id())).isEqualTo(1);
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAToken() {
        String id = "new-" + suffix();
        String oneTime = Staff.as(Staff.ADMIN, "POST", "/staff", staffBody(id, "SUPPORT"), 201).json()
                .getString("oneTimePassword");

        assertProblem(Staff.requestToken(id, oneTime, null), 403, "STAFF_PASSWORD_CHANGE_REQUIRED");
        Gateway.Answer changed = Staff.send(id, oneTime, null, "a-password-of-my-own");
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().getJsonArray("roles").getString(0)).isEqualTo("SUPPORT");
        assertProblem(Staff.requestToken(id, oneTime, null), 401, "OPERATOR_UNAUTHORIZED");
        assertThat(Staff.requestToken(id, "a-password-of-my-own", null).status()).isEqualTo(201);
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String id = "lock-" + suffix();
        String password = readyMember(id, "AUDITOR");
        int maxFailures = Integer.getInteger("payrail.systest.lockoutFailures", 5);
        for (int i = 1; i < maxFailures; i++) {
            assertProblem(Staff.requestToken(id, "wrong-password-" + i, null), 401, "OPERATOR_UNAUTHORIZED");
        }
        assertProblem(Staff.requestToken(id, "wrong-password-last", null), 403, "STAFF_LOCKED");
        assertProblem(Staff.requestToken(id, password, null), 403, "STAFF_LOCKED");

        Staff.as(Staff.ADMIN, "POST", "/staff/" + id + "/unlock", null, 204);
        assertThat(Staff.requestToken(id, password, null).status()).isEqualTo(201);
    }

    @Test
    void withTotpTheCodeIsNeeded() {
        String id = "totp-" + suffix();
        String password = readyMember(id, "AUDITOR");
        String secret = Staff.as(Staff.ADMIN, "POST", "/staff/" + id + "/totp", null, 200).json().getString("totpSecret");

        assertProblem(Staff.requestToken(id, password, null), 401, "OPERATOR_UNAUTHORIZED");
        assertProblem(Staff.requestToken(id, password, "000000".equals(Totp.now(secret)) ? "111111" : "000000"), 401,
                "OPERATOR_UNAUTHORIZED");
        assertThat(Staff.requestToken(id, password, Totp.now(secret)).status()).isEqualTo(201);
    }

    /** A member created by the administrator who has chosen their own password; returns it. */
    static String readyMember(String id, String role) {
        String oneTime = Staff.as(Staff.ADMIN, "POST", "/staff", staffBody(id, role), 201).json()
                .getString("oneTimePassword");
        String password = "own-password-" + suffix();
        assertThat(Staff.send(id, oneTime, null, password).status()).isEqualTo(201);
        return password;
    }

    static String staffBody(String id, String role) {
        return Json.createObjectBuilder().add("id", id).add("displayName", "Test " + id)
                .add("roles", Json.createArrayBuilder().add(role)).build().toString();
    }

    static long auditRows(String action, String target) {
        return Database.count("SELECT COUNT(*) FROM staff_audit WHERE action = ? AND target = ?", action, target);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertProblem(Gateway.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("code")).isEqualTo(code);
        assertThat(answer.json().getString("detail")).isNotBlank();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
