package io.payrail.channel.wallet;

/**
 * Our side of WALLET's signature: the key id put in the protected header and SHA256withRSA with the
 * matching private key. Production signs with the platform key ({@link PlatformKeysSigner}); tests
 * give the published example key.
 */
interface Signer {

    /** The {@code kid} of our requests. */
    String keyId();

    /** SHA256withRSA over {@code data}, raw signature bytes. */
    byte[] sign(byte[] data);
}
