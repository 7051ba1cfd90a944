package io.payrail.channel.cardgw;

import static org.assertj.core.api.Assertions.assertThat;

import io.payrail.channel.ChannelPublicKey;
import io.payrail.channel.ExampleKeys;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** CARDGW's worked example (cardgw.md §2, read from the document) made and checked by our side. */
class CardgwSignatureTest {

    static final String BODY = "{\"merchantRef\":\"ord_1001\",\"amount\":1000,\"currency\":\"USD\",\"description\":\"Coffee\","
            + "\"card\":{\"number\":\"4111111111111111\",\"expiry\":\"12/30\",\"cvv\":\"123\"}}";
    static final String ANSWER = "{\"transactionId\":\"cg_8f14e45fceea167a5a36dedd4bea2543\",\"merchantRef\":\"ord_1001\","
            + "\"status\":\"PAID\",\"amount\":1000,\"currency\":\"USD\",\"cardLast4\":\"1111\","
            + "\"createdAt\":\"2026-03-01T10:00:00.120Z\",\"paidAt\":\"2026-03-01T10:00:00.120Z\",\"refundedAmount\":0,"
            + "\"duplicate\":false}";

    @Test
    void ourRequestIsSignedExactlyAsTheWorkedExample() {
        String header = CardgwSignature.authorization("POST", "/sim/cardgw/v1/payments", 1772359200L,
                "593bec0c930bf1afeb40b4a08c8fb242", BODY.getBytes(StandardCharsets.UTF_8),
                data -> Base64.getEncoder().encodeToString(ExampleKeys.rsaSha256(ExampleKeys.PLATFORM_PRIVATE).apply(data)));
        assertThat(header).isEqualTo(ExampleKeys.docLine("cardgw.md", "Authorization: "));
    }

    @Test
    void theWorkedAnswerVerifiesWithCardgwsKeyAndNotOnceChanged() {
        String signature = ExampleKeys.docLine("cardgw.md", "Cardgw-Signature: ");
        byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
        assertThat(CardgwSignature.verifies(ExampleKeys.CHANNEL_PUBLIC, "1772359200", "c9f0f895fb98ab9159f51fd0297e236d",
                signature, body)).isTrue();
        assertThat(ChannelPublicKey.keyId(ExampleKeys.CHANNEL_PUBLIC)).isEqualTo(ExampleKeys.docLine("cardgw.md",
                "Cardgw-Serial: "));
        assertThat(CardgwSignature.verifies(ExampleKeys.CHANNEL_PUBLIC, "1772359201", "c9f0f895fb98ab9159f51fd0297e236d",
                signature, body)).as("another time").isFalse();
        assertThat(CardgwSignature.verifies(ExampleKeys.CHANNEL_PUBLIC, "1772359200", "c9f0f895fb98ab9159f51fd0297e236d",
                signature, ANSWER.replace("1000", "1001").getBytes(StandardCharsets.UTF_8))).as("another body").isFalse();
        assertThat(CardgwSignature.verifies(ExampleKeys.PLATFORM_PUBLIC, "1772359200", "c9f0f895fb98ab9159f51fd0297e236d",
                signature, body)).as("another key").isFalse();
        assertThat(CardgwSignature.verifies(ExampleKeys.CHANNEL_PUBLIC, "1772359200", null, signature, body)).isFalse();
    }
}
