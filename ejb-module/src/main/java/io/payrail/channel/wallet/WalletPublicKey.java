package io.payrail.channel.wallet;

import io.payrail.merchant.RsaKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * WALLET's public key, which checks its answers and notifications: a PEM file
 * ({@code BEGIN PUBLIC KEY}) named by {@value #CONFIG_KEY}, read on first use (a server that never
 * talks to WALLET must start without it) and kept. Without the setting nothing is verified, which is
 * only acceptable against the simulator; that is said once, as a WARNING.
 */
final class WalletPublicKey {

    static final String CONFIG_KEY = "payrail.channel.wallet.public-key";

    private static final Logger LOG = Logger.getLogger(WalletPublicKey.class.getName());

    private final Optional<Path> file;
    private final String unverifiedWarning;
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile PublicKey key;

    private WalletPublicKey(Optional<Path> file, PublicKey key, String unverifiedWarning) {
        this.file = file;
        this.key = key;
        this.unverifiedWarning = unverifiedWarning;
    }

    /**
     * @param path              the configured file, if any
     * @param unverifiedWarning what is logged once when no key is configured
     */
    static WalletPublicKey configured(Optional<String> path, String unverifiedWarning) {
        return new WalletPublicKey(path.map(String::strip).filter(p -> !p.isEmpty()).map(Path::of), null,
                Objects.requireNonNull(unverifiedWarning, "unverifiedWarning"));
    }

    static WalletPublicKey of(PublicKey key) {
        return new WalletPublicKey(Optional.empty(), Objects.requireNonNull(key, "key"), "");
    }

    static WalletPublicKey none(String unverifiedWarning) {
        return new WalletPublicKey(Optional.empty(), null, unverifiedWarning);
    }

    /**
     * @return the key, or empty when none is configured (nothing can be verified: simulator only)
     * @throws IllegalStateException when a key is configured but cannot be read (nothing can be trusted)
     */
    Optional<PublicKey> get() {
        PublicKey loaded = key;
        if (loaded != null) {
            return Optional.of(loaded);
        }
        if (file.isEmpty()) {
            if (warned.compareAndSet(false, true)) {
                LOG.warning(unverifiedWarning);
            }
            return Optional.empty();
        }
        return Optional.of(load(file.get()));
    }

    private synchronized PublicKey load(Path path) {
        if (key == null) {
            try {
                key = RsaKeys.parsePublicKey(Files.readString(path, StandardCharsets.US_ASCII));
                LOG.info(() -> "WALLET public key " + DetachedJws.keyId(key) + " loaded from " + path);
            } catch (IOException | IllegalArgumentException e) {
                // not cached: the file may be fixed without a restart
                throw new IllegalStateException("cannot read WALLET's public key from " + path + " (" + CONFIG_KEY
                        + "): " + e.getMessage(), e);
            }
        }
        return key;
    }
}
