package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.idempotency.IdempotencyStore;
import io.payrail.merchant.auth.AuthorizationHeader;
import io.payrail.platform.signing.PlatformSigner;
import io.payrail.platform.signing.ResponseBinding;
import io.payrail.web.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Signs every response of the merchant API with the platform key (headers Payrail-Timestamp,
 * Payrail-Nonce, Payrail-Key-Id, Payrail-Signature), bound to the merchant id and nonce of the
 * request's Authorization header as sent, whether or not it authenticated, so that the answer
 * cannot be passed off as another request's ({@link PlatformSigner}). The body is serialised into
 * a buffer first, so the signature covers exactly the bytes sent. The same bytes are what an
 * Idempotency-Key replays; a replay is signed afresh for the request that replays it.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ResponseSigner implements ContainerResponseFilter, WriterInterceptor {

    private static final String STATUS = "payrail.response.status";
    private static final String BINDING = "payrail.response.binding";

    @Inject
    private PlatformSigner signer;

    @Inject
    private IdempotencyStore idempotency;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!GatewayPaths.isSigned(request.getUriInfo().getPath())) {
            return;
        }
        ResponseBinding binding = AuthorizationHeader.claimedBy(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        request.setProperty(STATUS, response.getStatus());
        request.setProperty(BINDING, binding);
        if (!response.hasEntity()) {
            // no writer will run: sign the empty body and settle the idempotency key here
            sign(response.getHeaders(), binding, new byte[0]);
            settle(request.getProperty(IdempotencyFilter.PENDING), response.getStatus(), false, null, "");
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(BINDING) instanceof ResponseBinding binding)) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        context.proceed();
        byte[] body = buffer.toByteArray();
        sign(context.getHeaders(), binding, body);
        Object status = context.getProperty(STATUS);
        settle(context.getProperty(IdempotencyFilter.PENDING), status instanceof Integer s ? s : 200,
                context.getEntity() instanceof Problem problem && ErrorCode.valueOf(problem.code()).isTransient(),
                context.getMediaType() == null ? null : context.getMediaType().toString(),
                new String(body, StandardCharsets.UTF_8));
        original.write(body);
        context.setOutputStream(original);
    }

    private void sign(MultivaluedMap<String, Object> headers, ResponseBinding binding, byte[] body) {
        signer.signResponse(binding, body).forEach(headers::putSingle);
    }

    /**
     * Records the request's Idempotency-Key with its answer, or releases it after a server error or
     * a transient refusal (the payment still with its channel, a concurrent change, load): a retry
     * with the key must run again, not get that answer for the key's whole retention.
     */
    private void settle(Object pending, int status, boolean transientRefusal, String contentType, String body) {
        if (pending instanceof IdempotencyFilter.Pending p) {
            if (status >= 500 || status == 429 || transientRefusal) {
                idempotency.release(p.merchantId(), p.key());
            } else {
                idempotency.complete(p.merchantId(), p.key(), status, contentType, body);
            }
        }
    }
}
