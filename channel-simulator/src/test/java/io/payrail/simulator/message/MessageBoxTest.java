package io.payrail.simulator.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What the platform sent, per recipient, newest first; a malformed message says which field. */
class MessageBoxTest {

    private final MessageBox box = new MessageBox(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void messagesAreReadPerRecipientNewestFirst() {
        box.send("a@example.test", "EMAIL", "VERIFY", "code 111111");
        box.send("+8613800008000", "SMS", "VERIFY", "code 222222");
        Message latest = box.send("a@example.test", "EMAIL", "RESET", "code 333333");

        assertThat(box.to("a@example.test")).extracting(Message::text).containsExactly("code 333333", "code 111111");
        assertThat(box.to("+8613800008000")).hasSize(1);
        assertThat(box.to(null)).hasSize(3);
        assertThat(box.to("nobody@example.test")).isEmpty();
        assertThat(latest.id()).isNotEqualTo(box.to("a@example.test").get(1).id());
        box.clear();
        assertThat(box.to(null)).isEmpty();
    }

    @Test
    void aMalformedMessageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> box.send("", "EMAIL", "VERIFY", "x")).hasMessageContaining("to");
        assertThatThrownBy(() -> box.send("a@example.test", "FAX", "VERIFY", "x")).hasMessageContaining("EMAIL or SMS");
        assertThatThrownBy(() -> box.send("a@example.test", "SMS", "verify", "x")).hasMessageContaining("purpose");
        assertThatThrownBy(() -> box.send("a@example.test", "SMS", "VERIFY", " ")).hasMessageContaining("text");
        assertThat(box.to(null)).isEmpty();
    }
}
