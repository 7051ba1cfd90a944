package io.payrail.web.soap;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import jakarta.xml.soap.SOAPConstants;
import java.io.ByteArrayInputStream;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A first reading of a SOAP request, with the JDK's own StAX parser configured to resolve nothing:
 * the body must be well-formed XML declared (if at all) as UTF-8, and must not hold a DOCTYPE
 * (SOAP 1.1 section 3 forbids one). Refusing the DOCTYPE itself, rather than trusting the parser
 * behind Metro to ignore it, means no entity is ever expanded and no DTD or external entity ever
 * fetched. The parser's own messages are not passed on: they can quote the document.
 */
final class SoapXml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newDefaultFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    private SoapXml() {
    }

    /**
     * Checks the body and returns the element the SOAP 1.1 Body carries (the operation's request
     * element), or null when there is none.
     */
    static QName check(byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            String declared = reader.getCharacterEncodingScheme();
            if (declared != null && !"UTF-8".equalsIgnoreCase(declared)) {
                throw malformed("the XML declaration says encoding=\"" + declared + "\"; send the request in UTF-8");
            }
            QName operation = null;
            int depth = 0;
            boolean inBody = false;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw malformed("a SOAP message must not contain a DOCTYPE"
                            + " (SOAP 1.1, section 3); remove it and send the envelope alone");
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        QName name = reader.getName();
                        if (depth == 2 && isEnvelope(name, "Body")) {
                            inBody = true;
                        } else if (depth == 3 && inBody && operation == null) {
                            operation = name;
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        inBody = inBody && depth != 2;
                        depth--;
                    }
                    default -> {
                        // text, comments and processing instructions: nothing to check
                    }
                }
            }
            return operation;
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw malformed("the body is not well-formed XML" + (at == null ? "" : " (line " + at.getLineNumber()
                    + ", column " + at.getColumnNumber() + ")") + "; send a SOAP 1.1 envelope (docs/soap.md)");
        } finally {
            close(reader);
        }
    }

    private static boolean isEnvelope(QName name, String localPart) {
        return SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE.equals(name.getNamespaceURI()) && localPart.equals(name.getLocalPart());
    }

    static PayrailException malformed(String detail) {
        return new PayrailException(ErrorCode.MALFORMED_REQUEST, detail);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // a reader over a byte array holds nothing to release
            }
        }
    }
}
