package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SOAP endpoint as bytes on the wire, for what a generated client never sends: a value that
 * would make the signed string ambiguous, oversized and chunked bodies, DOCTYPEs and external
 * entities, bytes that are not UTF-8, plain HTTP. Every refusal is a typed fault, {@code soap:Client}
 * when the caller must change something, and nothing is written.
 */
class SoapWireIT {

    private final TestMerchant merchant = Merchants.demo();

    private static final String JUNK_AUTHENTICATION = "<gw:Authentication><gw:merchantId>M100001</gw:merchantId>"
            + "<gw:keyId>K1</gw:keyId><gw:timestamp>1</gw:timestamp><gw:nonce>0123456789abcdef</gw:nonce>"
            + "<gw:signature>AAAA</gw:signature></gw:Authentication>";

    private static Map<String, Object> payment(String number, String subject) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("merchantOrderNo", number);
        fields.put("amount", 1999);
        fields.put("currency", "USD");
        fields.put("subject", subject);
        fields.put("paymentMethod", "BANK_CARD");
        return fields;
    }

    private static long orders(String number) {
        return Database.count("SELECT COUNT(*) FROM payment_order WHERE merchant_order_no = ?", number);
    }

    private static void assertClientFault(Soap.Fault fault, String code) {
        assertThat(fault.code()).isEqualTo(code);
        assertThat(fault.faultcode()).as("the caller's mistake is a soap:Client fault").isEqualTo(Soap.CLIENT);
        assertThat(fault.message()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at com.");
    }

    @Test
    void anAuthenticationFailureIsTheCallersFault() {
        String number = Payments.newOrderNo("soap-forged");
        Map<String, Object> fields = payment(number, "Blue T-shirt");
        String header = Soap.authentication(merchant, "createPayment", fields);
        fields.put("amount", 1);

        Gateway.Answer answer = Soap.post(Soap.envelope(header, "CreatePaymentRequest", fields).getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as("SOAP 1.1 sends every fault with HTTP 500").isEqualTo(500);
        Soap.Fault fault = Soap.fault(answer);
        assertClientFault(fault, "AUTH_SIGNATURE_INVALID");
        assertThat(fault.status()).isEqualTo(401);
        assertThat(orders(number)).isZero();
    }

    /**
     * The signed payload is {@code name=value} lines: a value holding a line break could pass for
     * two fields. Here the merchant signed {merchantOrderNo=m, paymentId=p}; the request sends one
     * field whose value spells both, which signs the same bytes.
     */
    @Test
    void aValueThatWouldForgeAnotherLineIsRefusedBeforeTheSignatureIsChecked() {
        String header = Soap.authentication(merchant, "getPayment", Map.of("merchantOrderNo", "m", "paymentId", "p"));

        Gateway.Answer answer = Soap.post(Soap.envelope(header, "GetPaymentRequest",
                Map.of("merchantOrderNo", "m\npaymentId=p")).getBytes(StandardCharsets.UTF_8));

        Soap.Fault fault = Soap.fault(answer);
        assertClientFault(fault, "VALIDATION_FAILED");
        assertThat(fault.fields()).containsExactly("merchantOrderNo");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000A", "000D", "007F", "0085", "2028", "2029"})
    void controlCharactersAndLineBreaksInAStringFieldAreRefused(String codePoint) {
        String number = Payments.newOrderNo("soap-ctl");
        Map<String, Object> fields = payment(number, "Blue" + Character.toString(Integer.parseInt(codePoint, 16)) + "T-shirt");

        Gateway.Answer answer = Soap.post(Soap.envelope(Soap.authentication(merchant, "createPayment", fields),
                "CreatePaymentRequest", fields).getBytes(StandardCharsets.UTF_8));

        Soap.Fault fault = Soap.fault(answer);
        assertClientFault(fault, "VALIDATION_FAILED");
        assertThat(fault.fields()).containsExactly("subject");
        assertThat(orders(number)).isZero();
    }

    private static byte[] oversized() {
        // a well-formed envelope just over the 64 KiB cap, its bulk in a comment, its signature junk
        String envelope = Soap.envelope(JUNK_AUTHENTICATION, "GetPaymentRequest", Map.of("paymentId", "pay_x"));
        return envelope.replace("<S:Body>", "<S:Body><!--" + "x".repeat(64 * 1024) + "-->").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyOverTheCapIsRefusedByItsLengthBeforeAuthentication() {
        Soap.Fault fault = Soap.fault(Soap.post(oversized()));

        assertClientFault(fault, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOverTheCapIsRefusedByCountingItsBytes() {
        byte[] body = oversized();
        // a stream of unknown length: no Content-Length, the server has to count
        Gateway.Answer answer = Gateway.send(HttpRequest.newBuilder(URI.create(Gateway.baseUrl() + Soap.PATH))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertClientFault(Soap.fault(answer), "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aFileEntityIsRefusedAndItsContentNeverEchoed(@TempDir Path dir) throws IOException {
        String secret = "payrail-xxe-marker-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("secret.txt"), secret);
        String envelope = withDoctype("<!DOCTYPE S:Envelope [<!ENTITY xxe SYSTEM \"" + file.toUri() + "\">]>",
                Soap.envelope(JUNK_AUTHENTICATION, "GetPaymentRequest", Map.of("paymentId", "PLACEHOLDER")))
                .replace("PLACEHOLDER", "&xxe;");

        Gateway.Answer answer = Soap.post(envelope.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.body()).doesNotContain(secret);
        assertClientFault(Soap.fault(answer), "MALFORMED_REQUEST");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"an external entity", "an external DTD"})
    void nothingIsFetchedForADoctype(String what) throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            listener.configureBlocking(false);
            String url = "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort() + "/payrail.dtd";
            String envelope = Soap.envelope(JUNK_AUTHENTICATION, "GetPaymentRequest", Map.of("paymentId", "PLACEHOLDER"));
            envelope = what.equals("an external entity")
                    ? withDoctype("<!DOCTYPE S:Envelope [<!ENTITY xxe SYSTEM \"" + url + "\">]>", envelope).replace("PLACEHOLDER", "&xxe;")
                    : withDoctype("<!DOCTYPE S:Envelope SYSTEM \"" + url + "\">", envelope);

            Gateway.Answer answer = Soap.post(envelope.getBytes(StandardCharsets.UTF_8));

            assertClientFault(Soap.fault(answer), "MALFORMED_REQUEST");
            // the answer came after parsing: a fetch would be a finished handshake waiting in the backlog
            try (SocketChannel fetched = listener.accept()) {
                assertThat(fetched).as("the XML parser connected to " + url).isNull();
            }
        }
    }

    private static String withDoctype(String doctype, String envelope) {
        return envelope.replace("?>\n", "?>\n" + doctype + "\n");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAndNothingIsWritten() {
        String number = Payments.newOrderNo("soap-utf8");
        // signed over what a lenient decoder would make of the bytes (two U+FFFD): that must not be charged
        Map<String, Object> fields = payment(number, "\uFFFD\uFFFD");
        String envelope = Soap.envelope(Soap.authentication(merchant, "createPayment", fields), "CreatePaymentRequest", fields);
        byte[] utf8 = envelope.getBytes(StandardCharsets.UTF_8);
        String marker = "\uFFFD\uFFFD";
        int at = envelope.indexOf(marker);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(utf8, 0, envelope.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
        body.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        int after = envelope.substring(0, at + marker.length()).getBytes(StandardCharsets.UTF_8).length;
        body.write(utf8, after, utf8.length - after);

        Soap.Fault fault = Soap.fault(Soap.post(body.toByteArray()));

        assertClientFault(fault, "MALFORMED_REQUEST");
        assertThat(fault.message()).contains("UTF-8");
        assertThat(orders(number)).isZero();
    }

    @Test
    void plainHttpIsRefusedWithAClientFault() {
        String number = Payments.newOrderNo("soap-plain");
        Map<String, Object> fields = payment(number, "Blue T-shirt");

        Gateway.Answer answer = Soap.post(Gateway.plainHttpUrl(), Soap.envelope(
                Soap.authentication(merchant, "createPayment", fields), "CreatePaymentRequest", fields)
                .getBytes(StandardCharsets.UTF_8));

        Soap.Fault fault = Soap.fault(answer);
        assertClientFault(fault, "HTTPS_REQUIRED");
        assertThat(fault.status()).isEqualTo(403);
        assertThat(fault.message()).contains("https://");
        assertThat(orders(number)).isZero();
    }
}
