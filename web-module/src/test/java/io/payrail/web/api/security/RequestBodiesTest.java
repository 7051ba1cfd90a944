package io.payrail.web.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodiesTest {

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    @Test
    void utf8TextOfEveryLengthIsAccepted() {
        byte[] body = "{\"subject\":\"Caf\u00e9 \u2615 \uD83D\uDE00 \u4E2D\"}".getBytes(StandardCharsets.UTF_8);

        assertThatCode(() -> RequestBodies.requireUtf8(body)).doesNotThrowAnyException();
        assertThatCode(() -> RequestBodies.requireUtf8(new byte[0])).doesNotThrowAnyException();
    }

    /** Each of these a lenient decoder turns into U+FFFD (or worse, into a character nobody sent). */
    @ParameterizedTest
    @ValueSource(strings = {"41FFFE42", "41C0AF42", "41E08080", "41EDA08042", "41F4908080", "41C3", "41E282", "4180"})
    void malformedUtf8IsRefusedAtItsFirstBadByte(String hex) {
        assertThatThrownBy(() -> RequestBodies.requireUtf8(hex(hex)))
                .isInstanceOfSatisfying(PayrailException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
                    assertThat(e.detail()).contains("UTF-8").contains("byte offset 1");
                });
    }

    @Test
    void aDeclaredLengthOverTheCapIsRefusedWithoutKeepingAByte() {
        InputStream body = new ByteArrayInputStream(new byte[RequestBodies.MAX_BYTES + 10]);

        assertThatThrownBy(() -> RequestBodies.read(body, RequestBodies.MAX_BYTES + 10L))
                .isInstanceOfSatisfying(PayrailException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void aBodyOfUnknownLengthIsCountedAndRefusedPastTheCap() {
        InputStream body = new ByteArrayInputStream(new byte[RequestBodies.MAX_BYTES + 1]);

        assertThatThrownBy(() -> RequestBodies.read(body, -1))
                .isInstanceOfSatisfying(PayrailException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE));
    }

    @Test
    void aBodyOfExactlyTheCapIsReadWhole() throws IOException {
        byte[] read = RequestBodies.read(new ByteArrayInputStream(new byte[RequestBodies.MAX_BYTES]), -1);

        assertThat(read).hasSize(RequestBodies.MAX_BYTES);
    }
}
