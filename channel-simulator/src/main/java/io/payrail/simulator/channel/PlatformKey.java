package io.payrail.simulator.channel;

import io.payrail.simulator.crypto.Pem;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform's public key as one channel knows it, for checking request signatures. Without it
 * the channel accepts unsigned requests and says so in every answer. Set from configuration at
 * start, replaceable at run time by the admin API.
 */
public final class PlatformKey {

    private final AtomicReference<Known> known = new AtomicReference<>();

    private record Known(PublicKey key, String source) {
    }

    public Optional<PublicKey> key() {
        Known k = known.get();
        return k == null ? Optional.empty() : Optional.of(k.key());
    }

    /** Where the key came from (a file path, or "admin API"), or empty. */
    public Optional<String> source() {
        Known k = known.get();
        return k == null ? Optional.empty() : Optional.of(k.source());
    }

    public Optional<String> keyId() {
        return key().map(Pem::keyId);
    }

    public void set(PublicKey key, String source) {
        known.set(new Known(key, source));
    }

    public void clear() {
        known.set(null);
    }
}
