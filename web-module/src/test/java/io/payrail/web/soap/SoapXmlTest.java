package io.payrail.web.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapXmlTest {

    private static final String ENVELOPE = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:gw=\"urn:payrail:gateway:v1\"><S:Header><gw:Authentication/></S:Header><S:Body>"
            + "<gw:GetPaymentRequest><gw:paymentId>PAYMENT</gw:paymentId></gw:GetPaymentRequest></S:Body></S:Envelope>";

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertMalformed(String xml, String detail) {
        assertThatThrownBy(() -> SoapXml.check(bytes(xml))).isInstanceOfSatisfying(PayrailException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
            assertThat(e.detail()).contains(detail);
        });
    }

    @Test
    void anEnvelopeYieldsTheElementItsBodyCarries() {
        assertThat(SoapXml.check(bytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ENVELOPE.replace("PAYMENT", "pay_1"))))
                .isEqualTo(new QName("urn:payrail:gateway:v1", "GetPaymentRequest"));
    }

    @Test
    void anEmptyBodyYieldsNothing() {
        assertThat(SoapXml.check(bytes("<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body/></S:Envelope>")))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE S:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE S:Envelope SYSTEM \"http://127.0.0.1:9/payrail.dtd\">",
        "<!DOCTYPE S:Envelope [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"})
    void aDoctypeIsRefusedWhateverItDeclares(String doctype) {
        assertMalformed("<?xml version=\"1.0\"?>\n" + doctype + ENVELOPE.replace("PAYMENT", "&x;"), "DOCTYPE");
    }

    @Test
    void xmlThatIsNotWellFormedIsRefusedWithoutQuotingIt() {
        assertMalformed(ENVELOPE.replace("</S:Body>", "") + "secret-value", "not well-formed XML (line 1");
        assertThatThrownBy(() -> SoapXml.check(bytes(ENVELOPE.replace("</S:Body>", "secret-value"))))
                .isInstanceOfSatisfying(PayrailException.class, e -> assertThat(e.detail()).doesNotContain("secret-value"));
    }

    @Test
    void anotherDeclaredEncodingIsRefused() {
        assertMalformed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + ENVELOPE, "encoding=\"ISO-8859-1\"");
    }

    @Test
    void anEmptyRequestIsNotXml() {
        assertMalformed("", "not well-formed XML");
    }
}
