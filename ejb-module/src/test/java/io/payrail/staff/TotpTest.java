package io.payrail.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B's SHA-1 test vectors (secret "12345678901234567890", eight digits). */
class TotpTest {

    private static final String SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcVectors() {
        assertThat(Totp.code(SECRET, Instant.ofEpochSecond(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(SECRET, Instant.ofEpochSecond(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(SECRET, Instant.ofEpochSecond(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(SECRET, Instant.ofEpochSecond(2000000000), 8)).isEqualTo("69279037");
    }

    @Test
    void acceptsTheNeighbouringStepsOnly() {
        Instant now = Instant.ofEpochSecond(1234567890);
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, now.minusSeconds(30), 6), now)).isTrue();
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, now.plusSeconds(30), 6), now)).isTrue();
        assertThat(Totp.verify(SECRET, Totp.code(SECRET, now.minusSeconds(90), 6), now)).isFalse();
        assertThat(Totp.verify(SECRET, "12345", now)).isFalse();
        assertThat(Totp.verify(SECRET, null, now)).isFalse();
    }

    @Test
    void base32RoundTrips() {
        String secret = Totp.newSecret();
        assertThat(Totp.base32(Totp.decodeBase32(secret))).isEqualTo(secret);
        assertThat(secret).hasSize(32);
    }
}
