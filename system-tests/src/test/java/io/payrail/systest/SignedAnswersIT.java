package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.signing.AuthorizationHeader;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.verification.HeaderLookup;
import io.payrail.sdk.verification.PlatformSignatureVerifier;
import io.payrail.sdk.verification.SignatureVerificationException;
import io.payrail.sdk.verification.SignatureVerificationException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Every platform answer, REST and SOAP, refusals and faults included, is signed for the merchant
 * and the request nonce of the request it answers: it verifies for that request only, so a
 * captured answer cannot be passed off as the answer to another request or merchant. Requests are
 * sent raw, so that the test sees the exact bytes and headers, and verified with the SDK's verifier.
 */
class SignedAnswersIT {

    private static final String PATH = "/api/v1/payments";

    private final TestMerchant merchant = Merchants.fresh("SIGNED", 10_000);
    private final PlatformSignatureVerifier verifier = verifier(merchant);

    private static PlatformSignatureVerifier verifier(TestMerchant merchant) {
        try {
            return new PlatformSignatureVerifier(merchant.client().platformCertificates());
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch the platform certificates: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> rest(String method, String path, String body, String authorization,
            String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return Gateway.sendForBytes(request);
    }

    private static HeaderLookup headers(HttpResponse<byte[]> answer) {
        return name -> answer.headers().firstValue(name).orElse(null);
    }

    private static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private void assertVerifiesOnlyFor(HttpResponse<byte[]> answer, String merchantId, String requestNonce)
            throws SignatureVerificationException {
        verifier.verifyResponse(headers(answer), answer.body(), merchantId, requestNonce);
        assertThatThrownBy(() -> verifier.verifyResponse(headers(answer), answer.body(), merchantId, Nonces.next()))
                .as("the same answer for another request of the same merchant")
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT));
        assertThatThrownBy(() -> verifier.verifyResponse(headers(answer), answer.body(), "OTHER-MERCHANT", requestNonce))
                .as("the same answer for another merchant")
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_RECIPIENT));
        assertThatThrownBy(() -> verifier.verifyNotification(headers(answer), answer.body(), merchantId.isEmpty()
                ? "OTHER-MERCHANT" : merchantId))
                .as("an answer passed off as a notification")
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void aRestAnswerVerifiesForItsOwnRequestAndMerchantOnly() throws Exception {
        String body = Payments.body(Payments.newOrderNo("bound"), 1500);
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);

        HttpResponse<byte[]> created = rest("POST", PATH, body, header.value(), null);

        assertThat(created.statusCode()).as(text(created)).isEqualTo(201);
        assertVerifiesOnlyFor(created, merchant.id(), header.nonce());
        assertThat(created.headers().firstValue("Payrail-Merchant-Id")).contains(merchant.id());
        assertThat(created.headers().firstValue("Payrail-Request-Nonce")).contains(header.nonce());
    }

    @Test
    void aRefusalIsBoundToTheCredentialsTheRequestCarried() throws Exception {
        String body = Payments.body(Payments.newOrderNo("bound-refused"), 1500);
        AuthorizationHeader header = merchant.signer().sign("POST", PATH, body);

        HttpResponse<byte[]> forged = rest("POST", PATH, body.replace("1500", "1"), header.value(), null);

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(text(forged)).contains("AUTH_SIGNATURE_INVALID");
        assertVerifiesOnlyFor(forged, merchant.id(), header.nonce());

        HttpResponse<byte[]> anonymous = rest("GET", PATH + "/pay_unknown", "", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertVerifiesOnlyFor(anonymous, "", "");
    }

    @Test
    void anIdempotentReplayIsSignedForTheRequestThatReplaysIt() throws Exception {
        String body = Payments.body(Payments.newOrderNo("bound-replay"), 1500);
        String key = "bound-" + Nonces.next();
        AuthorizationHeader first = merchant.signer().sign("POST", PATH, body);
        HttpResponse<byte[]> original = rest("POST", PATH, body, first.value(), key);
        AuthorizationHeader second = merchant.signer().sign("POST", PATH, body);

        HttpResponse<byte[]> replayed = rest("POST", PATH, body, second.value(), key);

        assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replayed.statusCode()).isEqualTo(original.statusCode()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(original.body());
        assertVerifiesOnlyFor(replayed, merchant.id(), second.nonce());
        assertThatThrownBy(() -> verifier.verifyResponse(headers(replayed), replayed.body(), merchant.id(), first.nonce()))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void thePublicCertificatesAnswerIsBoundToNoRequest() throws Exception {
        HttpResponse<byte[]> certificates = rest("GET", "/api/v1/platform/certificates", "", null, null);

        assertThat(certificates.statusCode()).isEqualTo(200);
        assertVerifiesOnlyFor(certificates, "", "");
    }

    /** {@code getPayment} by id, as a raw SOAP 1.1 POST signed over SOAP\ngetPayment\ntimestamp\nnonce\npaymentId=..\n. */
    private HttpResponse<byte[]> soapGetPayment(String paymentId, String nonce, boolean forge) throws GeneralSecurityException {
        long timestamp = Instant.now().getEpochSecond();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(merchant.privateKey());
        signer.update(("SOAP\ngetPayment\n" + timestamp + "\n" + nonce + "\npaymentId=" + (forge ? "x" : "") + paymentId
                + "\n").getBytes(StandardCharsets.UTF_8));
        String envelope = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:gw=\"urn:payrail:gateway:v1\"><soapenv:Header><gw:Authentication>"
                + "<gw:merchantId>" + merchant.id() + "</gw:merchantId><gw:keyId>" + merchant.keyId() + "</gw:keyId>"
                + "<gw:timestamp>" + timestamp + "</gw:timestamp><gw:nonce>" + nonce + "</gw:nonce>"
                + "<gw:signature>" + Base64.getEncoder().encodeToString(signer.sign()) + "</gw:signature>"
                + "</gw:Authentication></soapenv:Header><soapenv:Body><gw:GetPaymentRequest>"
                + "<gw:paymentId>" + paymentId + "</gw:paymentId></gw:GetPaymentRequest></soapenv:Body></soapenv:Envelope>";
        return Gateway.sendForBytes(HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + "/soap/v1/gateway"))
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:payrail:gateway:v1:getPayment\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    @Test
    void aSoapAnswerIsSignedOverItsRawBytesForItsRequest() throws Exception {
        String id = merchant.pay(Payments.newOrderNo("bound-soap"), 1500);
        String nonce = Nonces.next();

        HttpResponse<byte[]> answer = soapGetPayment(id, nonce, false);

        assertThat(answer.statusCode()).as(text(answer)).isEqualTo(200);
        assertThat(text(answer)).contains(id).contains("GetPaymentResponse");
        assertVerifiesOnlyFor(answer, merchant.id(), nonce);
    }

    @Test
    void aSoapFaultIsSignedForTheRequestItRefuses() throws Exception {
        String nonce = Nonces.next();

        HttpResponse<byte[]> fault = soapGetPayment("pay_x", nonce, true);

        assertThat(fault.statusCode()).isEqualTo(500);
        assertThat(text(fault)).contains("AUTH_SIGNATURE_INVALID").contains("Fault");
        assertVerifiesOnlyFor(fault, merchant.id(), nonce);
    }

    /**
     * A SOAP request refused before it is even parsed (here: over the size cap) is answered with a
     * signed fault too, bound to no request: nobody can forge a Payrail refusal.
     */
    @Test
    void aSoapRequestRefusedBeforeParsingGetsASignedFault() throws Exception {
        byte[] oversized = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope"
                + " xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><!--" + "x".repeat(70_000)
                + "--></soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);

        HttpResponse<byte[]> fault = Gateway.sendForBytes(HttpRequest.newBuilder(URI.create(Gateway.baseUrl()
                + "/soap/v1/gateway")).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(oversized)));

        assertThat(text(fault)).contains("PAYLOAD_TOO_LARGE");
        assertVerifiesOnlyFor(fault, "", "");
    }
}
