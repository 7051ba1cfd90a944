package io.payrail.web.soap;

import io.payrail.common.PayrailException;
import io.payrail.web.api.security.HttpsOnly;
import io.payrail.web.api.security.RequestBodies;
import io.payrail.web.soap.v1.PaymentGateway;
import jakarta.inject.Inject;
import jakarta.jws.WebParam;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What reaches the SOAP endpoint, decided before Metro parses a byte and before anyone is
 * authenticated (web.xml maps it in front of the endpoint): HTTPS only; at most 64 KiB, by
 * Content-Length or by counting a chunked body; strictly UTF-8; well-formed XML without a DOCTYPE
 * ({@link SoapXml}); one of the gateway's operations in the Body. Each refusal is a
 * {@code soap:Client} fault with the REST API's code, so a caller never gets a parser's
 * {@code soap:Server} fault, or a stack trace in the log, for its own mistake.
 */
public class SoapRequestGuard extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request elements of the contract's operations, read off the interface generated from the WSDL. */
    private static final Set<QName> OPERATIONS = Arrays.stream(PaymentGateway.class.getMethods())
            .map(m -> m.getParameters()[0].getAnnotation(WebParam.class)).filter(Objects::nonNull)
            .map(p -> new QName(p.targetNamespace(), p.name())).collect(Collectors.toUnmodifiableSet());

    @Inject
    @ConfigProperty(name = HttpsOnly.PORT_PROPERTY, defaultValue = HttpsOnly.DEFAULT_PORT)
    int httpsPort;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest checked;
        try {
            checked = check(request);
        } catch (PayrailException e) {
            SoapFaults.write(response, e.code(), e.detail());
            return;
        }
        chain.doFilter(checked, response);
    }

    private HttpServletRequest check(HttpServletRequest request) throws IOException {
        if (!request.isSecure()) {
            throw HttpsOnly.refusal(request, httpsPort);
        }
        if (!"POST".equals(request.getMethod())) {
            return request;
        }
        String charset = charset(request.getContentType());
        if (charset != null && !"UTF-8".equalsIgnoreCase(charset)) {
            throw SoapXml.malformed("the request is declared as " + charset + "; send it in UTF-8"
                    + " (Content-Type: text/xml; charset=utf-8)");
        }
        byte[] body = RequestBodies.read(request.getInputStream(), request.getContentLengthLong());
        RequestBodies.requireUtf8(body);
        QName operation = SoapXml.check(body);
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw SoapXml.malformed("the SOAP 1.1 Body must hold one of the gateway's request elements (the WSDL's,"
                    + " docs/soap.md); it holds " + (operation == null ? "none" : operation));
        }
        return new BufferedRequest(request, body);
    }

    /**
     * The charset parameter of the Content-Type as sent; not the servlet's getCharacterEncoding(),
     * which may answer a container default for a request that named none.
     */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && "charset".equalsIgnoreCase(pair[0].strip())) {
                return pair[1].strip().replace("\"", "");
            }
        }
        return null;
    }

    /** The request with its body already read: Metro reads these bytes, exactly the ones checked. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the SOAP body is already read; read it synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }
    }
}
