package io.payrail.channel.wallet;

import io.payrail.merchant.RsaKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * WALLET's public key, which checks its answers and notifications: a PEM file
 * ({@code BEGIN PUBLIC KEY}) named by {@value #CONFIG_KEY}, read on first use (a server that never
 * talks to WALLET must start without it) and kept. Without it nothing from WALLET can be trusted,
 * so nothing is sent to WALLET and its notifications are refused: fail closed, never "unverified".
 */
final class WalletPublicKey {

    static final String CONFIG_KEY = "payrail.channel.wallet.public-key";

    private static final Logger LOG = Logger.getLogger(WalletPublicKey.class.getName());

    private final Optional<Path> file;
    private volatile PublicKey key;

    private WalletPublicKey(Optional<Path> file, PublicKey key) {
        this.file = file;
        this.key = key;
    }

    /** @param path the configured file, if any */
    static WalletPublicKey configured(Optional<String> path) {
        return new WalletPublicKey(path.map(String::strip).filter(p -> !p.isEmpty()).map(Path::of), null);
    }

    static WalletPublicKey of(PublicKey key) {
        return new WalletPublicKey(Optional.empty(), Objects.requireNonNull(key, "key"));
    }

    static WalletPublicKey none() {
        return new WalletPublicKey(Optional.empty(), null);
    }

    /**
     * @throws IllegalStateException when no key is configured, or the configured one cannot be read:
     *         our configuration's fault, and nothing from WALLET can be trusted until it is fixed
     */
    PublicKey get() {
        PublicKey loaded = key;
        if (loaded != null) {
            return loaded;
        }
        if (file.isEmpty()) {
            throw new IllegalStateException(CONFIG_KEY + " is not set: WALLET's answers and notifications cannot be"
                    + " verified, so WALLET is not used; set it to WALLET's public key (PEM)");
        }
        return load(file.get());
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
