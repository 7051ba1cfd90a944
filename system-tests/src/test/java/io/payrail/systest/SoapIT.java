package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.sdk.signing.Nonces;
import io.payrail.systest.soap.client.Authentication;
import io.payrail.systest.soap.client.CreatePaymentRequest;
import io.payrail.systest.soap.client.CreatePaymentResponse;
import io.payrail.systest.soap.client.GetPaymentRequest;
import io.payrail.systest.soap.client.GetPaymentResponse;
import io.payrail.systest.soap.client.Payment;
import io.payrail.systest.soap.client.PaymentGateway;
import io.payrail.systest.soap.client.PaymentGatewayService;
import io.payrail.systest.soap.client.PaymentMethod;
import io.payrail.systest.soap.client.PaymentState;
import io.payrail.systest.soap.client.PayrailFault_Exception;
import jakarta.xml.ws.BindingProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    /** The gw:Authentication header over the fields as docs/soap.md says ({@link Soap#canonical}). */
    private Authentication sign(String operation, Map<String, Object> fields) {
        return sign(merchant, operation, fields);
    }

    private static Authentication sign(TestMerchant merchant, String operation, Map<String, Object> fields) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Nonces.next();
        Authentication auth = new Authentication();
        auth.setMerchantId(merchant.id());
        auth.setKeyId(merchant.keyId());
        auth.setTimestamp(timestamp);
        auth.setNonce(nonce);
        auth.setSignature(merchant.sign(Soap.canonical(operation, timestamp, nonce, fields).getBytes(StandardCharsets.UTF_8)));
        return auth;
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
        Map<String, Object> fields = new HashMap<>(Map.of("merchantOrderNo", r.getMerchantOrderNo(), "amount",
                r.getAmount(), "currency", r.getCurrency(), "subject", r.getSubject(), "paymentMethod",
                r.getPaymentMethod().value()));
        if (r.getExpiresInSeconds() != null) {
            fields.put("expiresInSeconds", r.getExpiresInSeconds());
        }
        return fields;
    }

    @Test
    void createAndQueryThroughTheGeneratedClient() throws PayrailFault_Exception {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap"), 2345);

        CreatePaymentResponse created = port.createPayment(request, sign("createPayment", fields(request)));

        assertThat(created.isCreated()).isTrue();
        String id = created.getPayment().getId();
        assertThat(created.getPayment().getAmount()).isEqualTo(2345);
        assertThat(created.getPayment().getCashierUrl()).startsWith(Gateway.baseUrl() + "/cashier/pay.xhtml?t=");
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

    @Test
    void aWalletPaymentTakesItsPayerToPayUrlAndSucceeds() throws PayrailFault_Exception {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap-wallet"), 4321);
        request.setPaymentMethod(PaymentMethod.WALLET);
        request.setExpiresInSeconds(600);

        Payment created = port.createPayment(request, sign("createPayment", fields(request))).getPayment();

        assertThat(created.getExpiresAt()).as("expiresInSeconds is honoured, as in REST").isNotNull();
        assertThat(created.getExpiresAt().toGregorianCalendar().toInstant())
                .isEqualTo(created.getCreatedAt().toGregorianCalendar().toInstant().plusSeconds(600));
        GetPaymentRequest byId = new GetPaymentRequest();
        byId.setPaymentId(created.getId());
        Payment waiting = Await.until("the payUrl of " + created.getId(), Duration.ofSeconds(40),
                () -> get(port, byId), p -> p.getPayUrl() != null);
        assertThat(waiting.getState()).isEqualTo(PaymentState.PROCESSING);
        assertThat(waiting.getPayUrl()).contains("/sim/pages/wallet/");

        Simulator.walletPayerApproves(created.getId());

        Payment paid = Await.until(created.getId() + " to succeed", Duration.ofSeconds(40), () -> get(port, byId),
                p -> p.getState() == PaymentState.SUCCEEDED);
        assertThat(paid.getFinishedAt()).isNotNull();
    }

    private Payment get(PaymentGateway port, GetPaymentRequest request) {
        try {
            return port.getPayment(request, sign("getPayment", Map.of("paymentId", request.getPaymentId()))).getPayment();
        } catch (PayrailFault_Exception e) {
            throw new AssertionError(e.getFaultInfo().getCode() + ": " + e.getFaultInfo().getMessage(), e);
        }
    }

    @Test
    void amountAndExpiryAreValidatedAsInRest() {
        PaymentGateway port = port();
        CreatePaymentRequest request = create(Payments.newOrderNo("soap-ceiling"), 1_000_000_000_001L);
        request.setExpiresInSeconds(59);

        assertThatThrownBy(() -> port.createPayment(request, sign("createPayment", fields(request))))
                .isInstanceOfSatisfying(PayrailFault_Exception.class, fault -> {
                    assertThat(fault.getFaultInfo().getCode()).isEqualTo("VALIDATION_FAILED");
                    assertThat(fault.getFaultInfo().getFieldError())
                            .extracting(e -> e.getField() + ": " + e.getMessage()).containsExactlyInAnyOrder(
                                    "amount: must be a whole number from 1 to 1000000000000 (10^12) minor units",
                                    "expiresInSeconds: must be from 60 to 604800 seconds (7 days); leave it out for 30 minutes");
                });
        assertThat(Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?",
                request.getMerchantOrderNo())).isZero();
    }

    @Test
    void theWsdlCarriesItsSchemaSoGeneratorsNeedNoSecondDownload() {
        Gateway.Answer wsdl = Gateway.get(Soap.PATH + "?wsdl");

        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.body()).doesNotContain("schemaLocation").doesNotContain("?xsd=")
                .contains("name=\"CreatePaymentRequest\"").contains("name=\"expiresInSeconds\"")
                .contains("name=\"payUrl\"");
    }

    @Test
    void aMerchantListsItsSettlementsAndReadsOneWithItsLinesButNotAnothersOne() throws PayrailFault_Exception {
        String today = UtcDays.today(Duration.ofMinutes(3)).toString();
        TestMerchant settled = Merchants.fresh("SOAPSTL", 600);
        Staff.as(Staff.FINANCE, "PUT", "/settlements/accounts/" + settled.id(), jakarta.json.Json.createObjectBuilder()
                .add("delayDays", 0).add("account", "DE89370400440532013000").add("name", "SOAP shop").build()
                .toString(), 200);
        String paid = settled.pay(Payments.newOrderNo("soapstl"), 4_321);
        assertThat(Payments.awaitFinal(settled, paid, Duration.ofSeconds(30)).getString("state")).isEqualTo("SUCCEEDED");
        String channel = Database.string("SELECT channel_id FROM payment_order WHERE id = ?", paid);
        Staff.as(Staff.FINANCE, "POST", "/statements/" + channel + "/" + today + "/import", null, 200);
        Staff.as(Staff.FINANCE, "POST", "/reconciliation/" + channel + "/" + today, null, 200);
        Staff.as(Staff.FINANCE, "POST", "/settlements/runs/" + today, null, 200);
        jakarta.json.JsonObject rest = TestMerchant.json(settled.get("/api/v1/settlements")).getJsonArray("items")
                .getJsonObject(0);

        PaymentGateway port = port();
        io.payrail.systest.soap.client.ListSettlementsRequest list = new io.payrail.systest.soap.client.ListSettlementsRequest();
        list.setLimit(10);
        var listed = port.listSettlements(list, sign(settled, "listSettlements", Map.of("limit", 10)));
        assertThat(listed.getSettlement()).hasSize(1);
        assertThat(listed.getSettlement().get(0).getId()).isEqualTo(rest.getString("id"));
        assertThat(listed.getSettlement().get(0).getNet()).isEqualTo(rest.getJsonNumber("net").longValue());

        io.payrail.systest.soap.client.GetSettlementRequest get = new io.payrail.systest.soap.client.GetSettlementRequest();
        get.setSettlementId(rest.getString("id"));
        var one = port.getSettlement(get, sign(settled, "getSettlement", Map.of("settlementId", rest.getString("id"))));
        assertThat(one.getSettlement().getSettlementDay().toXMLFormat()).isEqualTo(today);
        assertThat(one.getLine()).singleElement().satisfies(line -> {
            assertThat(line.getKind()).isEqualTo("CAPTURE");
            assertThat(line.getPaymentId()).isEqualTo(paid);
            assertThat(line.getGross()).isEqualTo(4_321);
            assertThat(line.getNet()).isEqualTo(one.getSettlement().getNet());
        });

        assertThatThrownBy(() -> port.getSettlement(get, sign("getSettlement", Map.of("settlementId",
                rest.getString("id"))))).as("another merchant's settlement does not exist for the demo merchant")
                .isInstanceOfSatisfying(PayrailFault_Exception.class,
                        f -> assertThat(f.getFaultInfo().getCode()).isEqualTo("SETTLEMENT_NOT_FOUND"));
    }
}
