package io.payrail.web.soap;

import io.payrail.merchant.auth.AuthorizationHeader;
import io.payrail.platform.signing.PlatformSigner;
import io.payrail.platform.signing.ResponseBinding;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Signs every answer of the SOAP gateway, responses and faults, as the REST API signs its own:
 * the Payrail-* headers over the exact HTTP body bytes (the envelope as sent), bound to the
 * merchant id and nonce of the request's gw:Authentication. The endpoint hands those over with
 * {@link #bind} before it authenticates, so refusals are bound too; a request that never reached
 * an operation (unreadable XML, no header) is bound to empty values. The answer is buffered whole,
 * since the headers must be set before the first body byte leaves.
 */
public class SoapResponseSigner implements Filter {

    private static final String BINDING = SoapResponseSigner.class.getName() + ".binding";

    @Inject
    private PlatformSigner signer;

    /** Binds the answer to the request's credentials as it carried them (either may be null). */
    static void bind(WebServiceContext context, String merchantId, String nonce) {
        if (context != null && context.getMessageContext().get(MessageContext.SERVLET_REQUEST)
                instanceof HttpServletRequest request) {
            request.setAttribute(BINDING, AuthorizationHeader.claimedBy(merchantId, nonce));
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        BufferedResponse buffered = new BufferedResponse(http);
        chain.doFilter(request, buffered);
        byte[] body = buffered.body();
        ResponseBinding binding = request.getAttribute(BINDING) instanceof ResponseBinding b ? b : ResponseBinding.NONE;
        signer.signResponse(binding, body).forEach(http::setHeader);
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
        http.flushBuffer();
    }

    /** Keeps the whole body (and any attempt to commit it) until the filter has signed it. */
    private static final class BufferedResponse extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;

        BufferedResponse(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was already called");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("the SOAP answer is written in one go");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was already called");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(buffer,
                        encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public void sendError(int status, String message) {
            // the container's error page would leave unsigned: answer with the status alone, signed
            resetBuffer();
            setStatus(status);
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            flushBuffer();
            buffer.reset();
        }

        @Override
        public void reset() {
            super.reset();
            resetBuffer();
        }

        // the filter sets the length of what it finally writes
        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
