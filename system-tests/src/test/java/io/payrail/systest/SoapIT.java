package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.signing.Nonces;
import io.payrail.systest.soap.client.Authentication;
import io.payrail.systest.soap.client.CreatePaymentRequest;
import io.payrail.systest.soap.client.CreatePaymentResponse;
import io.payrail.systest.soap.client.GetPaymentRequest;
import io.payrail.systest.soap.client.GetPaymentResponse;
import io.payrail.systest.soap.client.PaymentGateway;
import io.payrail.systest.soap.client.PaymentGatewayService;
import io.payrail.systest.soap.client.PaymentMethod;
import io.payrail.systest.soap.client.PayrailFault_Exception;
import jakarta.xml.ws.BindingProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SOAP binding through a client generated at build time from the contract WSDL (wsimport), as
 * a merchant's Java shop would use it: same authentication, same rules, typed faults.
 */
class SoapIT {

    private final TestMerchant merchant = Merchants.demo();

    private static PaymentGateway port() {
        PaymentGateway port = new PaymentGatewayService().getPaymentGatewayPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, Gateway.baseUrl() + "/soap/v1/gateway");
        context.put("com.sun.xml.ws.transport.https.client.SSLSocketFactory", Merchants.tls().getSocketFactory());
        return port;
    }

    /** The gw:Authentication header over SOAP\n&lt;operation&gt;\ntimestamp\nnonce\n&lt;sorted name=value lines&gt;\n. */
    private Authentication sign(String operation, Map<String, Object> fields) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Nonces.next();
        String payload = new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        String canonical = "SOAP\n" + operation + "\n" + timestamp + "\n" + nonce + "\n" + payload + "\n";
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(merchant.privateKey());
            signer.update(canonical.getBytes(StandardCharsets.UTF_8));
            Authentication auth = new Authentication();
            auth.setMerchantId(merchant.id());
            auth.setKeyId(merchant.keyId());
            auth.setTimestamp(timestamp);
            auth.setNonce(nonce);
            auth.setSignature(Base64.getEncoder().encodeToString(signer.sign()));
            return auth;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CreatePaymentRequest create(String number, long amount) {
        CreatePaymentRequest request = new CreatePaymentRequest();
        request.setMerchantOrderNo(number);
        request.setAmount(amount);
        request.setCurrency("USD");
        request.setSubject("SOAP order");
        request.setPaymentMethod(PaymentMethod.BANK_CARD);
        return request;
    }

    private static Map<String, Object> fields(CreatePaymentRequest r) {
        return Map.of("merchantOrderNo", r.getMerchantOrderNo(), "amount", r.getAmount(), "currency", r.getCurrency(),
                "subject", r.getSubject(), "paymentMethod", r.getPaymentMethod().value());
    }

    @Test
    void createAndQueryThroughTheGeneratedClient() throws PayrailFault_Exception {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap"), 2345);

        CreatePaymentResponse created = port.createPayment(request, sign("createPayment", fields(request)));

        assertThat(created.isCreated()).isTrue();
        String id = created.getPayment().getId();
        assertThat(created.getPayment().getAmount()).isEqualTo(2345);
        Payments.awaitFinal(merchant, id, Duration.ofSeconds(10));

        GetPaymentRequest byNumber = new GetPaymentRequest();
        byNumber.setMerchantOrderNo(request.getMerchantOrderNo());
        GetPaymentResponse found = port.getPayment(byNumber, sign("getPayment",
                Map.of("merchantOrderNo", request.getMerchantOrderNo())));

        assertThat(found.getPayment().getId()).isEqualTo(id);
        assertThat(found.getPayment().getState().value()).isEqualTo("SUCCEEDED");
        CreatePaymentResponse again = port.createPayment(request, sign("createPayment", fields(request)));
        assertThat(again.isCreated()).as("the merchant order number is the idempotency key here too").isFalse();
        assertThat(again.getPayment().getId()).isEqualTo(id);
    }

    @Test
    void aBadSignatureIsATypedFault() {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap-forged"), 2345);
        Authentication auth = sign("createPayment", fields(request));
        request.setAmount(1);

        assertThatThrownBy(() -> port.createPayment(request, auth))
                .isInstanceOfSatisfying(PayrailFault_Exception.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("AUTH_SIGNATURE_INVALID");
                    assertThat(fault.getFaultInfo().getStatus()).isEqualTo(401);
                });
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?",
                request.getMerchantOrderNo())).isZero();
    }

    @Test
    void invalidInputIsAFaultNamingTheField() {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap-invalid"), -5);
        request.setCurrency("XYZ");

        assertThatThrownBy(() -> port.createPayment(request, sign("createPayment", fields(request))))
                .isInstanceOfSatisfying(PayrailFault_Exception.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("VALIDATION_FAILED");
                    assertThat(fault.getFaultInfo().getFieldError()).extracting(e -> e.getField())
                            .contains("amount", "currency");
                });
    }

    @Test
    void aMissingHeaderIsAFault() {
        GetPaymentRequest request = new GetPaymentRequest();
        request.setPaymentId("pay_x");

        assertThatThrownBy(() -> port().getPayment(request, null))
                .isInstanceOfSatisfying(PayrailFault_Exception.class,
                        fault -> assertThat(fault.getFaultInfo().getCode()).isEqualTo("AUTH_MISSING"));
    }
}
