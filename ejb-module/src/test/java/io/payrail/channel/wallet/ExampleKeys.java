package io.payrail.channel.wallet;

import io.payrail.merchant.RsaKeys;
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
 * The published test key pairs of wallet.md §2 (channel-simulator/src/test/resources/keys/, read
 * from the working directory Maven gives the tests: ejb-module). Never used outside tests.
 */
final class ExampleKeys {

    static final Path DIR = Path.of("..", "channel-simulator", "src", "test", "resources", "keys");
    static final Path WALLET_DOC = Path.of("..", "channel-simulator", "docs", "wallet.md");

    static final String PLATFORM_KID = "97023a2df43937a2";
    static final String CHANNEL_KID = "50cae7f08cc2aed9";

    static final PublicKey PLATFORM_PUBLIC = publicKey("example-platform-public-key.pem");
    static final PrivateKey PLATFORM_PRIVATE = privateKey("example-platform-private-key.pem");
    static final PublicKey CHANNEL_PUBLIC = publicKey("example-channel-public-key.pem");
    static final PrivateKey CHANNEL_PRIVATE = privateKey("example-channel-private-key.pem");

    private ExampleKeys() {
    }

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    /** SHA256withRSA with {@code key}. */
    static UnaryOperator<byte[]> rsaSha256(PrivateKey key) {
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

    /** Our side, as the worked example has it: the example platform key under its WALLET-style key id. */
    static Signer platformSigner() {
        UnaryOperator<byte[]> rsa = rsaSha256(PLATFORM_PRIVATE);
        return new Signer() {
            @Override
            public String keyId() {
                return DetachedJws.keyId(PLATFORM_PUBLIC);
            }

            @Override
            public byte[] sign(byte[] data) {
                return rsa.apply(data);
            }
        };
    }

    /** What WALLET puts in {@code Wallet-Signature} when it answers or notifies at {@code iat}. */
    static String walletSignature(byte[] body, long iat) {
        return DetachedJws.sign(DetachedJws.responseHeader(CHANNEL_KID, iat), body, rsaSha256(CHANNEL_PRIVATE));
    }

    private static PublicKey publicKey(String name) {
        return RsaKeys.parsePublicKey(read(file(name)));
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
