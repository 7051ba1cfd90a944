package io.payrail.simulator.channel;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Posts a callback and reports the platform's answer (or fails the future when there was none). */
@FunctionalInterface
public interface CallbackTransport {

    CompletableFuture<Reply> post(URI target, CallbackMessage message);

    /** The platform's answer: HTTP status and body text (cut to a few KiB). */
    record Reply(int status, String body) {
    }
}
