package io.payrail.simulator.channel;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An answer as it goes on the wire (already signed), and how long to hold it back. */
public record WireReply(int status, String contentType, Map<String, String> headers, byte[] body, long delayMs) {

    public WireReply {
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public WireReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new WireReply(status, contentType, more, body, delayMs);
    }

    public WireReply delayedBy(long millis) {
        return new WireReply(status, contentType, headers, body, millis);
    }
}
