package io.payrail.simulator.channel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/** A callback as it goes on the wire: content type, extra headers (signatures), body. */
public record CallbackMessage(String contentType, Map<String, String> headers, byte[] body) {

    public CallbackMessage {
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
}
