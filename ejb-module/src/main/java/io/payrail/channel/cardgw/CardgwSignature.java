package io.payrail.channel.cardgw;

import io.payrail.channel.ChannelRequestSigner;
import io.payrail.channel.ChannelWire;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * CARDGW's signatures (cardgw.md §2). Ours: {@code Authorization: CARDGW-RSA-SHA256
 * timestamp="..",nonce="..",signature=".."} over {@code METHOD\npathAndQuery\ntimestamp\nnonce\nbody\n}.
 * Its answers and callbacks: the headers {@value #TIMESTAMP}, {@value #NONCE}, {@value #SERIAL} and
 * {@value #SIGNATURE} over {@code timestamp\nnonce\nbody\n}. That text names nothing of the request an
 * answer belongs to: an answer is bound to our reference only through its body.
 */
public final class CardgwSignature {

    static final String SCHEME = "CARDGW-RSA-SHA256";
    static final String TIMESTAMP = "Cardgw-Timestamp";
    static final String NONCE = "Cardgw-Nonce";
    static final String SERIAL = "Cardgw-Serial";
    static final String SIGNATURE = "Cardgw-Signature";

    private CardgwSignature() {
    }

    /** The Authorization header of a request. */
    static String authorization(String method, String pathAndQuery, long timestamp, String nonce, byte[] body,
                                ChannelRequestSigner signer) {
        return authorization(SCHEME, method, pathAndQuery, timestamp, nonce, body, signer);
    }

    /**
     * The Authorization header of a request to another service of the simulator signed the same way
     * under its own scheme (the message gateway's).
     */
    public static String authorization(String scheme, String method, String pathAndQuery, long timestamp, String nonce,
                                       byte[] body, ChannelRequestSigner signer) {
        String signature = signer.sign(requestText(method, pathAndQuery, timestamp, nonce, body));
        return scheme + " timestamp=\"" + timestamp + "\",nonce=\"" + nonce + "\",signature=\"" + signature + "\"";
    }

    static byte[] requestText(String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes((method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n")
                .getBytes(StandardCharsets.UTF_8));
        text.writeBytes(body);
        text.write('\n');
        return text.toByteArray();
    }

    /** Whether an answer's (or callback's) signature verifies with CARDGW's key. */
    static boolean verifies(PublicKey key, String timestamp, String nonce, String signature, byte[] body) {
        if (timestamp == null || nonce == null || signature == null) {
            return false;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        text.writeBytes(body);
        text.write('\n');
        return ChannelWire.rsaSha256Verifies(key, text.toByteArray(), signature);
    }
}
