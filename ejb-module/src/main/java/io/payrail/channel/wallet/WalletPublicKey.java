package io.payrail.channel.wallet;

import io.payrail.channel.ChannelPublicKey;
import java.security.PublicKey;
import java.util.Optional;

/**
 * WALLET's public key, which checks its answers and notifications: the PEM file named by
 * {@value #CONFIG_KEY} ({@link ChannelPublicKey}: read on first use, fail closed without it).
 */
final class WalletPublicKey {

    static final String CONFIG_KEY = "payrail.channel.wallet.public-key";

    private final ChannelPublicKey key;

    private WalletPublicKey(ChannelPublicKey key) {
        this.key = key;
    }

    /** @param path the configured file, if any */
    static WalletPublicKey configured(Optional<String> path) {
        return new WalletPublicKey(ChannelPublicKey.configured(WalletConnector.CHANNEL_ID, CONFIG_KEY, path));
    }

    static WalletPublicKey of(PublicKey key) {
        return new WalletPublicKey(ChannelPublicKey.of(WalletConnector.CHANNEL_ID, key));
    }

    static WalletPublicKey none() {
        return new WalletPublicKey(ChannelPublicKey.none(WalletConnector.CHANNEL_ID, CONFIG_KEY));
    }

    /** @throws IllegalStateException see {@link ChannelPublicKey#get()} */
    PublicKey get() {
        return key.get();
    }
}
