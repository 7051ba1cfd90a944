package io.payrail.simulator.channel;

import io.payrail.simulator.crypto.Pem;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/** A channel's own key pair: it signs responses and callbacks with the private half. */
public record ChannelKeys(PrivateKey privateKey, PublicKey publicKey) {

    public ChannelKeys {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public static ChannelKeys of(KeyPair pair) {
        return new ChannelKeys(pair.getPrivate(), pair.getPublic());
    }

    /** The key id sent with signatures: 16 hex digits of the public key's SHA-256. */
    public String keyId() {
        return Pem.keyId(publicKey);
    }

    public String publicKeyPem() {
        return Pem.encode(publicKey);
    }

    @Override
    public String toString() {
        return "ChannelKeys[keyId=" + keyId() + "]";
    }
}
