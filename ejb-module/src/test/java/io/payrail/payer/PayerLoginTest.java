package io.payrail.payer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import org.junit.jupiter.api.Test;

/** One person, one login: however it is typed, an address or a number is one account. */
class PayerLoginTest {

    @Test
    void anEmailAddressIsKeptInLowerCase() {
        PayerLogin login = PayerLogin.of("  Ada.Lovelace@Example.COM ");
        assertThat(login.value()).isEqualTo("ada.lovelace@example.com");
        assertThat(login.kind()).isEqualTo(PayerLogin.Kind.EMAIL);
        assertThat(login.masked()).isEqualTo("a***@example.com");
    }

    @Test
    void aPhoneNumberIsAPlusAndItsDigits() {
        assertThat(PayerLogin.of("+86 138-0000 8000").value()).isEqualTo("+8613800008000");
        assertThat(PayerLogin.of("(86) 138.0000.8000").value()).isEqualTo("+8613800008000");
        assertThat(PayerLogin.of("+8613800008000").kind()).isEqualTo(PayerLogin.Kind.PHONE);
        assertThat(PayerLogin.of("+8613800008000").masked()).isEqualTo("+86***00").doesNotContain("13800008");
    }

    @Test
    void anythingElseIsRefusedSayingWhatToType() {
        for (String typed : new String[] {null, "", "ada", "ada@", "@example.com", "12345", "+12 34 ab 56 78",
                "a@b", "1234567890123456"}) {
            assertThatThrownBy(() -> PayerLogin.of(typed)).as(String.valueOf(typed))
                    .isInstanceOfSatisfying(PayrailException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                        assertThat(e.detail()).contains("e-mail address").contains("phone number");
                    });
        }
    }
}
