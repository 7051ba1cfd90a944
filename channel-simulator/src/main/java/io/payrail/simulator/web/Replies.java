package io.payrail.simulator.web;

import io.payrail.simulator.channel.Answer;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.HeaderSignedChannel;
import io.payrail.simulator.channel.Verification;
import io.payrail.simulator.channel.Wire;
import io.payrail.simulator.channel.WireReply;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Puts a {@link WireReply} on the wire, after its delay. Delays run on the scheduler instead of a
 * sleeping request thread: many simulated timeouts at once must not use up the server's HTTP
 * threads and slow every other request down.
 */
final class Replies {

    /** Holds a suspended request a little longer than its delay, past any container default. */
    private static final long SUSPEND_GRACE_MS = 60_000;
    private static final byte[] NO_BODY = new byte[0];

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

    /**
     * One request to a header-signed channel (CARDGW, WALLET): the platform's signature checked,
     * the work done, and the reply (or the channel's error) sent after its delay.
     */
    static <C extends HeaderSignedChannel> void handle(AsyncResponse async, C channel, String method, UriInfo uri,
                                                       String credential, byte[] body, Function<C, WireReply> work,
                                                       ManagedScheduledExecutorService scheduler) {
        Verification verification = null;
        WireReply reply;
        try {
            verification = channel.verify(method, pathAndQuery(uri), credential, body == null ? NO_BODY : body);
            reply = work.apply(channel);
        } catch (ChannelException e) {
            reply = channel.error(e, 0);
        }
        send(async, reply, verification, scheduler);
    }

    /** A channel's answer as signed JSON, or its error. */
    static <T> WireReply reply(HeaderSignedChannel channel, Answer<T> answer, Function<T, Map<String, Object>> fields) {
        if (!answer.isOk()) {
            return channel.error(answer.error(), answer.delayMs());
        }
        return channel.signed(200, Wire.JSON, Wire.json(fields.apply(answer.value())), answer.delayMs());
    }
}
