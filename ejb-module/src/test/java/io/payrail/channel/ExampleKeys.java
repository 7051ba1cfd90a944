package io.payrail.channel;

import io.payrail.merchant.MerchantPublicKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * The published test key pairs of the simulator's channel documents (wallet.md §2, cardgw.md §2, quickpay.md §2) (channel-simulator/src/test/resources/keys/, read
 * from the working directory Maven gives the tests: ejb-module). Never used outside tests.
 */
public final class ExampleKeys {

    public static final Path DIR = Path.of("..", "channel-simulator", "src", "test", "resources", "keys");
    public static final Path WALLET_DOC = Path.of("..", "channel-simulator", "docs", "wallet.md");

    public static final String PLATFORM_KID = "97023a2df43937a2";
    public static final String CHANNEL_KID = "50cae7f08cc2aed9";

    public static final PublicKey PLATFORM_PUBLIC = publicKey("example-platform-public-key.pem");
    public static final PrivateKey PLATFORM_PRIVATE = privateKey("example-platform-private-key.pem");
    public static final PublicKey CHANNEL_PUBLIC = publicKey("example-channel-public-key.pem");
    public static final PrivateKey CHANNEL_PRIVATE = privateKey("example-channel-private-key.pem");

    private ExampleKeys() {
    }

    /** The first line of a channel document (channel-simulator/docs/NAME) that starts with {@code prefix}, without it. */
    public static String docLine(String document, String prefix) {
        Path doc = Path.of("..", "channel-simulator", "docs", document);
        return read(doc).lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()))
                .orElseThrow(() -> new AssertionError(doc + " has no line starting with " + prefix));
    }

    public static Path file(String name) {
        return DIR.resolve(name);
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    /** SHA256withRSA with {@code key}. */
    public static UnaryOperator<byte[]> rsaSha256(PrivateKey key) {
        return data -> {
            try {
                Signature signer = Signature.getInstance("SHA256withRSA");
                signer.initSign(key);
                signer.update(data);
                return signer.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static PublicKey publicKey(String name) {
        return MerchantPublicKeys.parseRsa(read(file(name)));
    }

    private static PrivateKey privateKey(String name) {
        String base64 = read(file(name)).replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
