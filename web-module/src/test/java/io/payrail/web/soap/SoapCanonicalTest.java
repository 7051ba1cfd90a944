package io.payrail.web.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.payrail.web.api.problem.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapCanonicalTest {

    @Test
    void fieldsAreSortedNameValueLinesWithoutATrailingBreak() {
        byte[] bytes = new SoapCanonical().put("subject", "Caf\u00e9 \u2615").put("amount", 1999L).put("cursor", null)
                .put("currency", "USD").bytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("amount=1999\ncurrency=USD\nsubject=Caf\u00e9 \u2615");
    }

    /** Without the rule, {merchantOrderNo="m\npaymentId=p"} signs exactly like {merchantOrderNo=m, paymentId=p}. */
    @Test
    void aValueThatWouldSpellAnotherLineIsRefusedNamingItsField() {
        SoapCanonical forged = new SoapCanonical().put("merchantOrderNo", "m\npaymentId=p");

        assertThatThrownBy(forged::bytes).isInstanceOfSatisfying(SoapValidationException.class,
                e -> assertThat(e.errors()).extracting(Problem.FieldError::field, Problem.FieldError::message)
                        .containsExactly(tuple("merchantOrderNo",
                                "must not contain control characters or line breaks (U+000A found)")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0x2028, 0x2029})
    void everyControlCharacterAndLineBreakIsRefused(int codePoint) {
        SoapCanonical canonical = new SoapCanonical().put("subject", "a" + Character.toString(codePoint) + "b")
                .put("reason", "fine");

        assertThatThrownBy(canonical::bytes).isInstanceOfSatisfying(SoapValidationException.class,
                e -> assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("subject"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x20, 0xA0, 0xE9, 0x200B, 0xFEFF, 0xFFFD, 0x1F600})
    void otherCharactersAreSignedAsTheyAre(int codePoint) {
        String value = "a" + Character.toString(codePoint) + "b";

        assertThat(new String(new SoapCanonical().put("subject", value).bytes(), StandardCharsets.UTF_8))
                .isEqualTo("subject=" + value);
    }
}
