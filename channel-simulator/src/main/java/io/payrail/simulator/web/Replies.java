package io.payrail.simulator.web;

import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.WireReply;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Puts a {@link WireReply} on the wire, after its delay. Delays run on the scheduler instead of a
 * sleeping request thread: many simulated timeouts at once must not use up the server's HTTP
 * threads and slow every other request down.
 */
final class Replies {

    /** Holds a suspended request a little longer than its delay, past any container default. */
    private static final long SUSPEND_GRACE_MS = 60_000;

    private Replies() {
    }

    static void send(AsyncResponse async, WireReply reply, Verification verification,
                     ManagedScheduledExecutorService scheduler) {
        Response response = toResponse(reply, verification);
        long delay = reply.delayMs();
        if (delay <= 0) {
            async.resume(response);
            return;
        }
        async.setTimeout(delay + SUSPEND_GRACE_MS, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> async.resume(response), delay, TimeUnit.MILLISECONDS);
    }

    static Response toResponse(WireReply reply, Verification verification) {
        Response.ResponseBuilder response = Response.status(reply.status()).type(reply.contentType())
                .entity(reply.body());
        reply.headers().forEach(response::header);
        if (verification != null) {
            response.header(Verification.HEADER, verification.headerValue());
        }
        return response.build();
    }

    /** The path and query exactly as in the request line, e.g. {@code /sim/cardgw/v1/payments}. */
    static String pathAndQuery(UriInfo uri) {
        URI request = uri.getRequestUri();
        return request.getRawPath() + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }
}
