package io.payrail.simulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which references a WALLET error answer names (wallet.md §2): only readable ones. */
class WalletResourceTest {

    @Test
    void aRefundBodyNamesItsReferencesInTheirOrder() {
        byte[] body = bytes("{\"refundRef\":\"rf_1\",\"amount\":\"x\",\"orderId\":\"wl_1\",\"merchantRef\":\"ord_1\"}");

        assertThat(WalletResource.references(body, "merchantRef", "orderId", "refundRef"))
                .containsExactly(Map.entry("merchantRef", "ord_1"), Map.entry("orderId", "wl_1"),
                        Map.entry("refundRef", "rf_1"));
    }

    @Test
    void whatIsNotAReadableReferenceIsNotRepeated() {
        assertThat(WalletResource.references(bytes("{\"merchantRef\":\"ord 1<script>\"}"), "merchantRef")).isEmpty();
        assertThat(WalletResource.references(bytes("{\"merchantRef\":1001}"), "merchantRef")).isEmpty();
        assertThat(WalletResource.references(bytes("{\"merchantRef\":\"" + "a".repeat(65) + "\"}"), "merchantRef"))
                .isEmpty();
        assertThat(WalletResource.references(bytes("not json"), "merchantRef")).isEmpty();
        assertThat(WalletResource.references(new byte[0], "merchantRef")).isEmpty();
        assertThat(WalletResource.references(null, "merchantRef")).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
