package io.payrail.systest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan finds card data wherever it stands alone, and leaves ids, timestamps and signatures be. */
class CardDataScanTest {

    @Test
    void findsACardNumberInJsonAFormALogLineAndAsBinaryText() {
        assertThat(CardDataScan.findings("{\"number\":\"4111111111111111\",\"expiry\":\"12/30\"}")).hasSize(1);
        assertThat(CardDataScan.findings("cardNumber=5555555555554444&otp=123456")).hasSize(1);
        assertThat(CardDataScan.findings("INFO pay with 378282246310005 failed")).hasSize(1);
        assertThat(CardDataScan.findings("\u0000\u0001" + "6011111111111117" + "\u0002")).hasSize(1);
        assertThat(CardDataScan.findings("4000000000003204 and 4000000000000051")).hasSize(2);
    }

    @Test
    void reportsMaskedNeverTheNumber() {
        assertThat(CardDataScan.findings("4111111111111111")).singleElement().asString()
                .contains("411111******1111").doesNotContain("4111111111111111");
    }

    @Test
    void findsASecurityCodeField() {
        assertThat(CardDataScan.findings("{\"cvv\":\"737\"}")).hasSize(1);
        assertThat(CardDataScan.findings("card.cvv=123")).hasSize(1);
        assertThat(CardDataScan.findings("securityCode: 1234")).hasSize(1);
    }

    @Test
    void leavesAloneWhatIsNotCardData() {
        assertThat(CardDataScan.findings("4111111111111112")).as("Luhn check fails").isEmpty();
        assertThat(CardDataScan.findings("at 1772359200120 ms")).as("a millisecond timestamp").isEmpty();
        assertThat(CardDataScan.findings("pay_af4111111111111111e0")).as("digits inside a hex id").isEmpty();
        assertThat(CardDataScan.findings("411111******1111 and last4 1111")).as("masked").isEmpty();
        assertThat(CardDataScan.findings("411111111111")).as("12 digits").isEmpty();
        assertThat(CardDataScan.findings("journal /tmp/junit-6608438186085928912/journal.jsonl")).as("JUnit's temp dir")
                .isEmpty();
        assertThat(CardDataScan.findings("/tmp/x-6608438186085928912/")).as("elsewhere the same digits are found")
                .hasSize(1);
        assertThat(CardDataScan.findings("{\"cvvResult\":\"M\",\"cvv\":null}")).as("no code").isEmpty();
    }
}
