package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.PayrailResponse;
import io.payrail.sdk.signing.Nonces;
import io.payrail.sdk.signing.SignatureAlgorithm;
import io.payrail.systest.soap.client.Authentication;
import io.payrail.systest.soap.client.CreatePaymentRequest;
import io.payrail.systest.soap.client.CreatePaymentResponse;
import io.payrail.systest.soap.client.PaymentGateway;
import io.payrail.systest.soap.client.PaymentGatewayService;
import io.payrail.systest.soap.client.PaymentMethod;
import io.payrail.systest.soap.client.PayrailFault_Exception;
import jakarta.json.JsonObject;
import jakarta.xml.ws.BindingProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Merchants with EC P-256 keys (PAYRAIL-SHA256-ECDSA-P256, DER signatures) over REST and SOAP: a
 * request naming another algorithm than its key's is refused like a bad signature, with nothing
 * written; keys Payrail does not take are refused at registration with the reason.
 */
class EcKeysIT {

    private static final String PATH = "/api/v1/payments";

    private final TestMerchant ec = Merchants.freshEc("EC", 10_000);

    private static Gateway.Answer send(String body, String authorization) {
        return Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + PATH))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void assertSignatureRefused(Gateway.Answer answer, String orderNo) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.json().getString("code")).isEqualTo("AUTH_SIGNATURE_INVALID");
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", orderNo)).isZero();
    }

    @Test
    void anEcMerchantPaysThroughTheSdkAndItsAnswersVerify() {
        assertThat(ec.algorithm().token()).isEqualTo("SHA256-ECDSA-P256");
        String orderNo = Payments.newOrderNo("ec");

        PayrailResponse created = ec.post(PATH, Payments.body(orderNo, 2500));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = TestMerchant.json(created).getString("id");
        assertThat(Payments.awaitFinal(ec, id, Duration.ofSeconds(15)).getString("state")).isEqualTo("SUCCEEDED");
        assertThat(ec.get(PATH + "/merchant-order-no/" + orderNo).status()).isEqualTo(200);
    }

    @Test
    void theRegisteredKeyShowsItsAlgorithm() {
        JsonObject merchant = Merchants.operator("GET", "/merchants/" + ec.id(), null, 200).json();
        assertThat(merchant.getJsonArray("keys").getJsonObject(0).getString("algorithm")).isEqualTo("SHA256-ECDSA-P256");
    }

    @Test
    void anEcSignatureUnderTheRsaSchemeIsRefusedAsABadSignature() throws Exception {
        String orderNo = Payments.newOrderNo("ec-as-rsa");
        String body = Payments.body(orderNo, 2500);
        String authorization = ec.authorization("POST", PATH, body.getBytes(StandardCharsets.UTF_8));
        assertThat(authorization).startsWith("PAYRAIL-SHA256-ECDSA-P256 ");

        Gateway.Answer refused = send(body, authorization.replace("PAYRAIL-SHA256-ECDSA-P256 ", "PAYRAIL-SHA256-RSA2048 "));
        assertSignatureRefused(refused, orderNo);
        // the platform signs with its own key's algorithm, whatever the merchant's is, and says which
        String keyId = refused.raw().headers().firstValue("Payrail-Key-Id").orElseThrow();
        X509Certificate platform = ec.client().platformCertificates().certificate(keyId).orElseThrow();
        assertThat(refused.raw().headers().firstValue("Payrail-Signature-Algorithm"))
                .contains(SignatureAlgorithm.of(platform.getPublicKey()).token());

        Gateway.Answer accepted = send(body, ec.authorization("POST", PATH, body.getBytes(StandardCharsets.UTF_8)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
    }

    @Test
    void anRsaSignatureUnderTheEcSchemeIsRefusedAsABadSignature() {
        TestMerchant rsa = Merchants.fresh("ECRSA", 10_000);
        String orderNo = Payments.newOrderNo("rsa-as-ec");
        String body = Payments.body(orderNo, 2500);
        String authorization = rsa.authorization("POST", PATH, body.getBytes(StandardCharsets.UTF_8));

        assertSignatureRefused(send(body, authorization.replace("PAYRAIL-SHA256-RSA2048 ", "PAYRAIL-SHA256-ECDSA-P256 ")),
                orderNo);
    }

    @Test
    void keysPayrailDoesNotTakeAreRefusedAtRegistrationWithTheReason() throws Exception {
        Gateway.Answer p384 = Merchants.registerKey(ec.id(), "K-P384", Merchants.newEcKeyPair("secp384r1"), 400);
        assertThat(p384.json().getString("code")).isEqualTo("KEY_INVALID");
        assertThat(p384.json().getString("detail")).contains("P-256");
        assertThat(p384.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("publicKeyPem");
        assertThat(p384.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("ec_paramgen_curve:P-256");

        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        Gateway.Answer rsa1024 = Merchants.registerKey(ec.id(), "K-RSA1024", small.generateKeyPair(), 400);
        assertThat(rsa1024.json().getString("detail")).contains("1024 bits").contains("at least 2048");

        Gateway.Answer garbage = Merchants.operator("POST", "/merchants/" + ec.id() + "/keys",
                "{\"keyId\":\"K-GARBAGE\",\"publicKeyPem\":\"-----BEGIN PUBLIC KEY-----\\nAAAA\\n-----END PUBLIC KEY-----\"}", 400);
        assertThat(garbage.json().getString("code")).isEqualTo("KEY_INVALID");
        assertThat(garbage.json().getString("detail")).contains("neither an RSA nor an EC public key");
        assertThat(Database.count("SELECT COUNT(*) FROM merchant_key WHERE merchant_id = ?", ec.id())).isEqualTo(1);
    }

    @Test
    void anEcMerchantPaysOverSoapNamingItsAlgorithm() throws PayrailFault_Exception {
        PaymentGateway port = new PaymentGatewayService().getPaymentGatewayPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, Gateway.baseUrl() + Soap.PATH);
        context.put("com.sun.xml.ws.transport.https.client.SSLSocketFactory", Merchants.tls().getSocketFactory());
        CreatePaymentRequest request = new CreatePaymentRequest();
        request.setMerchantOrderNo(Payments.newOrderNo("ec-soap"));
        request.setAmount(2600);
        request.setCurrency("USD");
        request.setSubject("SOAP order");
        request.setPaymentMethod(PaymentMethod.BANK_CARD);
        Map<String, Object> fields = Map.of("merchantOrderNo", request.getMerchantOrderNo(), "amount", 2600L,
                "currency", "USD", "subject", "SOAP order", "paymentMethod", "BANK_CARD");

        // without gw:algorithm the request is read as RSA, which this key is not
        Authentication unnamed = soapAuthentication(fields, null);
        assertThatThrownBy(() -> port.createPayment(request, unnamed))
                .isInstanceOfSatisfying(PayrailFault_Exception.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("AUTH_SIGNATURE_INVALID");
                    assertThat(fault.getFaultInfo().getStatus()).isEqualTo(401);
                });
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?",
                request.getMerchantOrderNo())).isZero();

        CreatePaymentResponse created = port.createPayment(request, soapAuthentication(fields, "SHA256-ECDSA-P256"));

        assertThat(created.isCreated()).isTrue();
        assertThat(Payments.awaitFinal(ec, created.getPayment().getId(), Duration.ofSeconds(15)).getString("state"))
                .isEqualTo("SUCCEEDED");
    }

    private Authentication soapAuthentication(Map<String, Object> fields, String algorithm) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Nonces.next();
        Authentication auth = new Authentication();
        auth.setMerchantId(ec.id());
        auth.setKeyId(ec.keyId());
        auth.setTimestamp(timestamp);
        auth.setNonce(nonce);
        auth.setSignature(ec.sign(Soap.canonical("createPayment", timestamp, nonce, fields).getBytes(StandardCharsets.UTF_8)));
        auth.setAlgorithm(algorithm);
        return auth;
    }
}
