package io.payrail.web.soap;

import io.payrail.common.ErrorCode;
import io.payrail.web.api.problem.Problem;
import io.payrail.web.soap.v1.PayrailFault;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * SOAP 1.1 faults, each with a gw:PayrailFault detail carrying the REST API's code and status.
 * The faultcode says whose move it is: {@code soap:Client} for everything REST answers with a
 * 4xx (the request must change), {@code soap:Server} for Payrail's own failures (5xx), which may
 * be retried unchanged. Every fault travels with HTTP 500, as SOAP 1.1 binds faults: clients
 * generated from the WSDL read a typed fault only from a 500.
 */
final class SoapFaults {

    static final QName CLIENT = new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Client");
    static final QName SERVER = new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, "Server");

    private SoapFaults() {
    }

    static QName faultCode(ErrorCode code) {
        return Problem.statusOf(code) >= 500 ? SERVER : CLIENT;
    }

    /** What an operation throws: Metro writes this fault as it is, faultcode included. */
    static SOAPFaultException exception(ErrorCode code, String message, List<Problem.FieldError> errors) {
        try {
            SOAPFault fault = SOAPFactory.newInstance().createFault(code.title(), faultCode(code));
            addDetail(fault, code, message, errors);
            return new SOAPFaultException(fault);
        } catch (SOAPException | JAXBException e) {
            throw new IllegalStateException("cannot build the SOAP fault for " + code, e);
        }
    }

    /** A whole fault envelope, for refusals made before Metro reads the request. */
    static void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        try {
            SOAPMessage envelope = MessageFactory.newInstance().createMessage();
            addDetail(envelope.getSOAPBody().addFault(faultCode(code), code.title()), code, message, List.of());
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            response.setContentType("text/xml; charset=utf-8");
            envelope.writeTo(response.getOutputStream());
        } catch (SOAPException | JAXBException e) {
            throw new IllegalStateException("cannot write the SOAP fault for " + code, e);
        }
    }

    private static void addDetail(SOAPFault fault, ErrorCode code, String message, List<Problem.FieldError> errors)
            throws SOAPException, JAXBException {
        PayrailFault detail = new PayrailFault();
        detail.setCode(code.name());
        detail.setStatus(Problem.statusOf(code));
        detail.setMessage(message);
        for (Problem.FieldError error : errors) {
            PayrailFault.FieldError fieldError = new PayrailFault.FieldError();
            fieldError.setField(error.field());
            fieldError.setMessage(error.message());
            detail.getFieldError().add(fieldError);
        }
        Detail.CONTEXT.createMarshaller().marshal(detail, fault.addDetail());
    }

    /** Created on the first fault written, not when the faultcode rule is merely consulted. */
    private static final class Detail {
        private static final JAXBContext CONTEXT;

        static {
            try {
                CONTEXT = JAXBContext.newInstance(PayrailFault.class);
            } catch (JAXBException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
