package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.idempotency.IdempotencyStore;
import io.payrail.platform.signing.PlatformKeys;
import io.payrail.web.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Signs every response of the merchant API with the platform key: headers Payrail-Timestamp,
 * Payrail-Nonce, Payrail-Key-Id and Payrail-Signature over {@code timestamp\nnonce\nBODY\n}. The
 * body is serialised into a buffer first, so the signature covers exactly the bytes sent. The
 * same bytes are what an Idempotency-Key replays.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class ResponseSigner implements ContainerResponseFilter, WriterInterceptor {

    public static final String TIMESTAMP = "Payrail-Timestamp";
    public static final String NONCE = "Payrail-Nonce";
    public static final String KEY_ID = "Payrail-Key-Id";
    public static final String SIGNATURE = "Payrail-Signature";
    private static final String STATUS = "payrail.response.status";
    private static final String SIGN = "payrail.response.sign";
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private PlatformKeys keys;

    @Inject
    private IdempotencyStore idempotency;

    @Inject
    private Clock clock;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!GatewayPaths.isSigned(request.getUriInfo().getPath())) {
            return;
        }
        request.setProperty(STATUS, response.getStatus());
        request.setProperty(SIGN, Boolean.TRUE);
        if (!response.hasEntity()) {
            // no writer will run: sign the empty body and settle the idempotency key here
            sign(response.getHeaders(), new byte[0]);
            settle(request.getProperty(IdempotencyFilter.PENDING), response.getStatus(), false, null, "");
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(SIGN) == null) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        context.setOutputStream(buffer);
        context.proceed();
        byte[] body = buffer.toByteArray();
        sign(context.getHeaders(), body);
        Object status = context.getProperty(STATUS);
        settle(context.getProperty(IdempotencyFilter.PENDING), status instanceof Integer s ? s : 200,
                context.getEntity() instanceof Problem problem && ErrorCode.valueOf(problem.code()).isTransient(),
                context.getMediaType() == null ? null : context.getMediaType().toString(),
                new String(body, StandardCharsets.UTF_8));
        original.write(body);
        context.setOutputStream(original);
    }

    private void sign(MultivaluedMap<String, Object> headers, byte[] body) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = nonce();
        byte[] prefix = (timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] canonical = new byte[prefix.length + body.length + 1];
        System.arraycopy(prefix, 0, canonical, 0, prefix.length);
        System.arraycopy(body, 0, canonical, prefix.length, body.length);
        canonical[canonical.length - 1] = '\n';
        headers.putSingle(TIMESTAMP, timestamp);
        headers.putSingle(NONCE, nonce);
        headers.putSingle(KEY_ID, keys.signingKeyId());
        headers.putSingle(SIGNATURE, keys.sign(canonical));
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

    private static String nonce() {
        char[] out = new char[32];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
