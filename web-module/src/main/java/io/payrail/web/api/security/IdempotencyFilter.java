package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.idempotency.IdempotencyDecision;
import io.payrail.idempotency.IdempotencyStore;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on merchant POSTs: the first request runs and its answer is kept; a
 * retry with the same key and body gets that answer again (with {@code Idempotent-Replayed: true});
 * the same key with another body is 422; while the first still runs, 409. The answer is recorded
 * by {@link ResponseSigner} once it is written.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class IdempotencyFilter implements ContainerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String PENDING = "payrail.idempotency.pending";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Inject
    private IdempotencyStore store;

    @Inject
    private MerchantContext merchant;

    @Context
    private HttpServletRequest servletRequest;

    /** The key a request holds until its answer is recorded. */
    record Pending(String merchantId, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod()) || !GatewayPaths.isMerchantApi(request.getUriInfo().getPath())) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key is 1 to 255 printable ASCII characters without spaces");
        }
        String merchantId = merchant.merchantId();
        IdempotencyDecision decision = store.begin(merchantId, key, fingerprint(request, RequestBodies.target(servletRequest)));
        if (decision instanceof IdempotencyDecision.Proceed) {
            request.setProperty(PENDING, new Pending(merchantId, key));
        } else if (decision instanceof IdempotencyDecision.Replay r) {
            request.abortWith(Response.status(r.status()).type(r.contentType()).entity(r.body())
                    .header("Idempotent-Replayed", "true").build());
        } else if (decision instanceof IdempotencyDecision.Mismatch) {
            throw new PayrailException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key " + key
                    + " was used for a different request; use a new key for a new request");
        } else {
            throw new PayrailException(ErrorCode.IDEMPOTENCY_KEY_IN_FLIGHT, "the first request with Idempotency-Key "
                    + key + " is still running; retry in a moment");
        }
    }

    /** The request, as far as idempotency cares: method, target and body. */
    private static String fingerprint(ContainerRequestContext request, String target) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + "\n" + target + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(RequestBodies.of(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
