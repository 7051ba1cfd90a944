package io.payrail.web.api.problem;

import io.payrail.common.ErrorCode;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claimed. The caller gets an incident id and the advice to retry with
 * the same keys (every mutating call is idempotent); the log gets the stack trace under that id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        if (hasCause(e, OptimisticLockException.class)) {
            return Problem.response(ErrorCode.CONCURRENT_MODIFICATION, "the payment changed while this request ran;"
                    + " read it again and retry", Problem.instance(uri), null);
        }
        if (Outages.isOutage(e)) {
            return unavailable(Problem.instance(uri), e);
        }
        return internalError(e, Problem.instance(uri));
    }

    /** 503 with Retry-After: the database is not there right now; the same request will work later. */
    static Response unavailable(String path, Throwable e) {
        LOG.warning(() -> "503 on " + path + ": the database is unavailable (" + Outages.describe(e) + ")");
        return Response.fromResponse(Problem.response(ErrorCode.SERVICE_UNAVAILABLE, "Payrail's database is not"
                        + " reachable right now; retry in " + Outages.RETRY_AFTER_SECONDS + " s with the same merchant"
                        + " order or refund number (or Idempotency-Key): nothing was decided", path, null))
                .header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, Outages.RETRY_AFTER_SECONDS).build();
    }

    static Response internalError(Throwable e, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " on " + path, e);
        return Problem.response(ErrorCode.INTERNAL_ERROR, "incident " + incident
                + ": retry with the same merchant order number (retries are safe); if it persists, quote the"
                + " incident id to Payrail support", path, null);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
