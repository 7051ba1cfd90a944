package io.payrail.channel.wallet;

import io.payrail.platform.signing.PlatformKeys;
import io.payrail.platform.signing.PlatformKeys.PublishedCertificate;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signs WALLET requests with the platform's RSA key for channels. The key id is WALLET's convention (the first 16 hex
 * digits of SHA-256 over the public key's DER encoding) when the signing key's certificate is
 * published, the platform's own key id otherwise. Resolved on first use, not at construction: the
 * keystore is loaded lazily and a server that never calls WALLET must start without one.
 */
final class PlatformKeysSigner implements Signer {

    private final PlatformKeys keys;
    private volatile String keyId;

    PlatformKeysSigner(PlatformKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public String keyId() {
        String id = keyId;
        if (id == null) {
            String signing = keys.channelKeyId();
            List<PublishedCertificate> published = keys.certificates();
            id = published == null ? signing : published.stream()
                    .filter(c -> c.keyId().equalsIgnoreCase(signing))
                    .findFirst()
                    .map(c -> DetachedJws.keyId(c.certificate().getPublicKey()))
                    .orElse(signing);
            keyId = id;
        }
        return id;
    }

    @Override
    public byte[] sign(byte[] data) {
        // PlatformKeys answers in standard Base64; the JWS wants the raw bytes (it writes base64url)
        return Base64.getDecoder().decode(keys.signForChannels(data));
    }
}
