package io.payrail.channel;

import io.payrail.merchant.MerchantPublicKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A channel's public key, which checks its answers and notifications: a PEM file
 * ({@code BEGIN PUBLIC KEY}) named by the channel's configuration key, read on first use (a server
 * that never talks to the channel must start without it) and kept. Without it nothing from the
 * channel can be trusted, so nothing is sent there and its notifications are refused: fail closed,
 * never "unverified".
 */
public final class ChannelPublicKey {

    private static final Logger LOG = Logger.getLogger(ChannelPublicKey.class.getName());

    private final String channel;
    private final String configKey;
    private final Optional<Path> file;
    private volatile PublicKey key;

    private ChannelPublicKey(String channel, String configKey, Optional<Path> file, PublicKey key) {
        this.channel = channel;
        this.configKey = configKey;
        this.file = file;
        this.key = key;
    }

    /** @param path the configured file, if any */
    public static ChannelPublicKey configured(String channel, String configKey, Optional<String> path) {
        return new ChannelPublicKey(channel, configKey, path.map(String::strip).filter(p -> !p.isEmpty()).map(Path::of),
                null);
    }

    public static ChannelPublicKey of(String channel, PublicKey key) {
        return new ChannelPublicKey(channel, "(given)", Optional.empty(), Objects.requireNonNull(key, "key"));
    }

    public static ChannelPublicKey none(String channel, String configKey) {
        return new ChannelPublicKey(channel, configKey, Optional.empty(), null);
    }

    /**
     * @throws IllegalStateException when no key is configured, or the configured one cannot be read:
     *         our configuration's fault, and nothing from the channel can be trusted until it is fixed
     */
    public PublicKey get() {
        PublicKey loaded = key;
        if (loaded != null) {
            return loaded;
        }
        if (file.isEmpty()) {
            throw new IllegalStateException(configKey + " is not set: " + channel + "'s answers and notifications cannot"
                    + " be verified, so " + channel + " is not used; set it to " + channel + "'s public key (PEM)");
        }
        return load(file.get());
    }

    /**
     * The key id channels use for a key (CARDGW's serial, WALLET's kid): the first 16 hex digits of
     * the SHA-256 of its DER encoding.
     */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private synchronized PublicKey load(Path path) {
        if (key == null) {
            try {
                key = MerchantPublicKeys.parseRsa(Files.readString(path, StandardCharsets.US_ASCII));
                LOG.info(() -> channel + " public key " + keyId(key) + " loaded from " + path);
            } catch (IOException | IllegalArgumentException e) {
                // not cached: the file may be fixed without a restart
                throw new IllegalStateException("cannot read " + channel + "'s public key from " + path + " (" + configKey
                        + "): " + e.getMessage(), e);
            }
        }
        return key;
    }
}
