package io.payrail.systest;

import io.payrail.sdk.signing.Nonces;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * SOAP as it travels: the signed string of docs/soap.md, envelopes written by hand for what a
 * generated client cannot send (oversized, a DOCTYPE, bytes that are not UTF-8, any character in
 * any field), and the fault read back off the wire, faultcode included.
 */
final class Soap {

    static final String PATH = "/soap/v1/gateway";
    static final String GW = "urn:payrail:gateway:v1";
    static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final QName CLIENT = new QName(ENVELOPE_NS, "Client");
    static final QName SERVER = new QName(ENVELOPE_NS, "Server");

    private Soap() {
    }

    /** {@code SOAP\n<operation>\n<timestamp>\n<nonce>\n<name=value lines sorted by name>\n}, as docs/soap.md defines it. */
    static String canonical(String operation, long timestamp, String nonce, Map<String, ?> fields) {
        String payload = new TreeMap<>(fields).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n"));
        return "SOAP\n" + operation + "\n" + timestamp + "\n" + nonce + "\n" + payload + "\n";
    }

    /** The gw:Authentication header, signed now over {@code signedFields}. */
    static String authentication(TestMerchant merchant, String operation, Map<String, ?> signedFields) {
        long timestamp = Instant.now().getEpochSecond();
        String nonce = Nonces.next();
        String signature = merchant.sign(canonical(operation, timestamp, nonce, signedFields).getBytes(StandardCharsets.UTF_8));
        return "<gw:Authentication><gw:merchantId>" + merchant.id() + "</gw:merchantId><gw:keyId>" + merchant.keyId()
                + "</gw:keyId><gw:timestamp>" + timestamp + "</gw:timestamp><gw:nonce>" + nonce + "</gw:nonce><gw:signature>"
                + signature + "</gw:signature></gw:Authentication>";
    }

    /** An envelope with {@code header} and the request element {@code request} holding {@code fields} in their order. */
    static String envelope(String header, String request, Map<String, ?> fields) {
        StringBuilder body = new StringBuilder("<gw:").append(request).append('>');
        fields.forEach((name, value) -> body.append("<gw:").append(name).append('>').append(escape(String.valueOf(value)))
                .append("</gw:").append(name).append('>'));
        body.append("</gw:").append(request).append('>');
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<S:Envelope xmlns:S=\"" + ENVELOPE_NS + "\" xmlns:gw=\"" + GW
                + "\"><S:Header>" + header + "</S:Header><S:Body>" + body + "</S:Body></S:Envelope>";
    }

    /** Line breaks and tabs as character references, so that no XML parser normalises them away. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&#10;")
                .replace("\r", "&#13;").replace("\t", "&#9;");
    }

    static Gateway.Answer post(String baseUrl, byte[] envelope) {
        return Gateway.post(baseUrl + PATH, envelope, Map.of("Content-Type", "text/xml; charset=utf-8"));
    }

    static Gateway.Answer post(byte[] envelope) {
        return post(Gateway.baseUrl(), envelope);
    }

    /** A SOAP fault as received: its faultcode (resolved to a QName), faultstring and the gw:PayrailFault detail. */
    record Fault(QName faultcode, String faultstring, String code, int status, String message, List<String> fields) {
    }

    static Fault fault(Gateway.Answer answer) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Element fault = only(root, ENVELOPE_NS, "Fault", answer);
            Element faultcode = only(fault, "", "faultcode", answer);
            String[] parts = faultcode.getTextContent().strip().split(":", 2);
            QName code = parts.length == 2 ? new QName(faultcode.lookupNamespaceURI(parts[0]), parts[1]) : new QName(parts[0]);
            Element detail = only(fault, GW, "PayrailFault", answer);
            List<String> fields = new ArrayList<>();
            NodeList errors = detail.getElementsByTagNameNS(GW, "field");
            for (int i = 0; i < errors.getLength(); i++) {
                fields.add(errors.item(i).getTextContent());
            }
            return new Fault(code, only(fault, "", "faultstring", answer).getTextContent(),
                    only(detail, GW, "code", answer).getTextContent(),
                    Integer.parseInt(only(detail, GW, "status", answer).getTextContent()),
                    only(detail, GW, "message", answer).getTextContent(), fields);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the answer is not a SOAP envelope (HTTP " + answer.status() + "): " + answer.body(), e);
        }
    }

    private static Element only(Element parent, String namespace, String name, Gateway.Answer answer) {
        NodeList found = namespace.isEmpty() ? parent.getElementsByTagName(name) : parent.getElementsByTagNameNS(namespace, name);
        if (found.getLength() == 0) {
            throw new AssertionError("no " + name + " in the answer (HTTP " + answer.status() + "): " + answer.body());
        }
        return (Element) found.item(0);
    }
}
