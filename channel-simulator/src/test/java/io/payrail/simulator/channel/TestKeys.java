package io.payrail.simulator.channel;

import io.payrail.simulator.crypto.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The published example key pairs in {@code src/test/resources/keys} (used by the protocol
 * documents' worked examples): never use them for anything but tests.
 */
public final class TestKeys {

    public static final PrivateKey PLATFORM_PRIVATE = Pem.privateKey(read("example-platform-private-key.pem"));
    public static final PublicKey PLATFORM_PUBLIC = Pem.publicKey(read("example-platform-public-key.pem"));
    public static final PrivateKey CHANNEL_PRIVATE = Pem.privateKey(read("example-channel-private-key.pem"));
    public static final PublicKey CHANNEL_PUBLIC = Pem.publicKey(read("example-channel-public-key.pem"));
    public static final ChannelKeys CHANNEL = new ChannelKeys(CHANNEL_PRIVATE, CHANNEL_PUBLIC);

    private TestKeys() {
    }

    public static String read(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource keys/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
