package io.payrail.channel.wallet;

import static io.payrail.channel.ExampleKeys.CHANNEL_KID;
import static io.payrail.channel.ExampleKeys.CHANNEL_PRIVATE;
import static io.payrail.channel.ExampleKeys.PLATFORM_PRIVATE;
import static io.payrail.channel.ExampleKeys.PLATFORM_PUBLIC;
import static io.payrail.channel.ExampleKeys.rsaSha256;

import java.util.function.UnaryOperator;

/** WALLET's worked examples (wallet.md §2) made with the published test keys of {@link io.payrail.channel.ExampleKeys}. */
final class WalletExamples {

    private WalletExamples() {
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

}
