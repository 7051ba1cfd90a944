package io.payrail.channel;

/**
 * Our side of a channel's request signature: SHA256withRSA with the platform's key, standard base64
 * with padding (what CARDGW and QUICKPAY take). Production signs with
 * {@link io.payrail.platform.signing.PlatformKeys#signForChannels}; tests with the published example key.
 */
@FunctionalInterface
public interface ChannelRequestSigner {

    /** The base64 signature of {@code data}. */
    String sign(byte[] data);
}
