package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.sdk.signing.AuthorizationHeader;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.signing.RequestSigner;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every merchant call must be signed by the merchant it names: any change to what was signed, a
 * stale timestamp, a reused nonce, an unknown or revoked key is refused with a precise 401; a
 * suspended merchant gets 403.
 */
class AuthenticationIT {

    private static final String PATH = "/api/v1/payments";

    private final TestMerchant merchant = Merchants.fresh("AUTH", 10_000);

    /** Sends {@code body} to {@code path} with an Authorization header computed by the caller. */
    private static Gateway.Answer send(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + path))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return Gateway.send(request);
    }

    private static void assertRefused(Gateway.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("code")).isEqualTo(code);
    }

    private String body(String prefix) {
        return Payments.body(Payments.newOrderNo(prefix), 1500);
    }

    @Test
    void aCorrectlySignedRequestIsAcceptedAndItsAnswerSigned() {
        String body = body("signed");
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);

        Gateway.Answer answer = send("POST", PATH, body, header.value());

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.raw().headers().firstValue("Payrail-Signature")).isPresent();
        assertThat(answer.raw().headers().firstValue("Payrail-Key-Id")).isPresent();
    }

    @Test
    void aTamperedBodyIsRefused() {
        String body = body("tampered-body");
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);

        assertRefused(send("POST", PATH, body.replace("1500", "1"), header.value()), 401, "AUTH_SIGNATURE_INVALID");
    }

    @Test
    void aTamperedPathIsRefused() {
        String id = merchant.pay(Payments.newOrderNo("tampered-path"), 1500);
        AuthorizationHeader header = merchant.signer().sign("GET", PATH + "/" + id, "");

        assertRefused(send("GET", PATH + "/" + id + "x", "", header.value()), 401, "AUTH_SIGNATURE_INVALID");
        assertRefused(send("GET", PATH + "/" + id + "?expand=all", "", header.value()), 401, "AUTH_SIGNATURE_INVALID");
    }

    @Test
    void aTamperedTimestampIsRefused() {
        String body = body("tampered-ts");
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);
        AuthorizationHeader forged = new AuthorizationHeader(header.merchantId(), header.keyId(), header.timestamp() + 1,
                header.nonce(), header.signature());

        assertRefused(send("POST", PATH, body, forged.value()), 401, "AUTH_SIGNATURE_INVALID");
    }

    @Test
    void aTamperedNonceIsRefused() {
        String body = body("tampered-nonce");
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);
        AuthorizationHeader forged = new AuthorizationHeader(header.merchantId(), header.keyId(), header.timestamp(),
                header.nonce().substring(1) + "A", header.signature());

        assertRefused(send("POST", PATH, body, forged.value()), 401, "AUTH_SIGNATURE_INVALID");
    }

    @Test
    void aCapturedRequestCannotBeReplayed() {
        String body = body("replay");
        String authorization = merchant.signer().sign("POST", PATH, body).value();

        Gateway.Answer first = send("POST", PATH, body, authorization);
        Gateway.Answer replay = send("POST", PATH, body, authorization);

        assertThat(first.status()).isEqualTo(201);
        assertRefused(replay, 401, "AUTH_NONCE_REUSED");
    }

    @Test
    void aRequestRefusedForTheRateLimitStillSpendsItsNonce() {
        // a limit of 1 a minute: after one request, every further one this minute is refused
        TestMerchant limited = Merchants.fresh("AUTH-RL", 1);
        String body = Payments.body(Payments.newOrderNo("rate-nonce"), 1500);
        String first = limited.signer().sign("POST", PATH, body).value();
        String second = limited.signer().sign("POST", PATH, body).value();

        Gateway.Answer counted = send("POST", PATH, body, first);
        Gateway.Answer refused = send("POST", PATH, body, second);
        Gateway.Answer replayed = send("POST", PATH, body, second);

        // the minute may turn between the two: then the second is accepted, and spent all the same
        assertThat(counted.status()).isIn(201, 429);
        assertThat(refused.status()).isIn(200, 201, 429);
        // whatever the second got, its nonce is gone: a replay is never 429 (nonce given back) nor accepted
        assertRefused(replayed, 401, "AUTH_NONCE_REUSED");
    }

    @Test
    void aTimestampOutsideTheFiveMinuteWindowIsRefused() {
        String body = body("stale");
        RequestSigner past = new RequestSigner(merchant.id(), merchant.keyId(), merchant.privateKey(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-6)), Nonces::next);
        assertRefused(send("POST", PATH, body, past.sign("POST", PATH, body).value()), 401, "AUTH_TIMESTAMP_SKEW");
    }

    @Test
    void missingOrForeignCredentialsAreRefusedWithTheirReason() {
        String body = body("creds");
        assertRefused(send("POST", PATH, body, ""), 401, "AUTH_MISSING");
        assertRefused(send("POST", PATH, body, "Bearer abc"), 401, "AUTH_MISSING");
        assertRefused(send("POST", PATH, body, AuthorizationHeader.SCHEME + " merchant_id=\"X\""), 401, "AUTH_MALFORMED");

        RSAPrivateKey stranger = (RSAPrivateKey) Merchants.newKeyPair().getPrivate();
        assertRefused(send("POST", PATH, body, new RequestSigner("NOBODY-9", "K1", stranger).sign("POST", PATH, body).value()),
                401, "AUTH_MERCHANT_UNKNOWN");
        assertRefused(send("POST", PATH, body, new RequestSigner(merchant.id(), "K9", stranger).sign("POST", PATH, body).value()),
                401, "AUTH_KEY_UNKNOWN");
        assertRefused(send("POST", PATH, body, new RequestSigner(merchant.id(), "K1", stranger).sign("POST", PATH, body).value()),
                401, "AUTH_SIGNATURE_INVALID");
    }

    @Test
    void twoActiveKeysLetAMerchantRotateAndARevokedKeyStopsWorking() {
        KeyPair second = Merchants.newKeyPair();
        Merchants.registerKey(merchant.id(), "K2", second);
        TestMerchant withSecond = Merchants.withKey(merchant, "K2", (RSAPrivateKey) second.getPrivate());

        assertThat(merchant.post(PATH, body("rotate-old")).status()).isEqualTo(201);
        assertThat(withSecond.post(PATH, body("rotate-new")).status()).isEqualTo(201);

        Merchants.operator("DELETE", "/merchants/" + merchant.id() + "/keys/K1", null, 200);

        String body = body("revoked");
        assertRefused(send("POST", PATH, body, merchant.signer().sign("POST", PATH, body).value()), 401, "AUTH_KEY_UNKNOWN");
        assertThat(withSecond.post(PATH, body("after-revoke")).status()).isEqualTo(201);
    }

    @Test
    void aSuspendedMerchantIsForbiddenUntilReactivated() {
        TestMerchant other = Merchants.fresh("SUSP", 1_000);
        Merchants.operator("POST", "/merchants/" + other.id() + "/suspend", null, 200);

        String body = body("suspended");
        Gateway.Answer refused = send("POST", PATH, body, other.signer().sign("POST", PATH, body).value());

        assertRefused(refused, 403, "MERCHANT_SUSPENDED");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_id = ?", other.id())).isZero();
        Merchants.operator("POST", "/merchants/" + other.id() + "/activate", null, 200);
        assertThat(other.post(PATH, body("reactivated")).status()).isEqualTo(201);
    }

    @Test
    void theOperatorApiNeedsTheOperatorToken() {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/api/operator/merchants/"
                + merchant.id())).header("Authorization", "Bearer not-the-token").GET();
        Gateway.Answer answer = Gateway.send(request);

        assertThat(answer.status()).isEqualTo(401);
        JsonObject problem = answer.json();
        assertThat(problem.getString("code")).isEqualTo("OPERATOR_UNAUTHORIZED");
    }
}
