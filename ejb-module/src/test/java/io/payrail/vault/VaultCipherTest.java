package io.payrail.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sealing and opening vault entries, key rotation, and the keys' configuration. */
class VaultCipherTest {

    private static final byte[] CARD = "4111111111111111|2030-12".getBytes(StandardCharsets.US_ASCII);
    private static final String K1 = newKey();
    private static final String K2 = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static VaultCipher cipher(Map<String, String> keys, String current) {
        return new VaultCipher(VaultKeys.of(keys, Optional.of(current)));
    }

    @Test
    void anEntryOpensToWhatWasSealedAndItsCiphertextHoldsNoCardNumber() {
        VaultCipher cipher = cipher(Map.of("VK1", K1), "VK1");
        VaultCipher.Sealed sealed = cipher.seal("cvt_A", CARD);

        assertThat(sealed.keyId()).isEqualTo("VK1");
        assertThat(sealed.iv()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("4111111111111111");
        assertThat(cipher.open("cvt_A", sealed)).isEqualTo(CARD);
    }

    @Test
    void everySealingHasItsOwnIv() {
        VaultCipher cipher = cipher(Map.of("VK1", K1), "VK1");
        assertThat(cipher.seal("cvt_A", CARD).iv()).isNotEqualTo(cipher.seal("cvt_A", CARD).iv());
    }

    @Test
    void aCiphertextMovedToAnotherEntryOrAlteredDoesNotOpen() {
        VaultCipher cipher = cipher(Map.of("VK1", K1), "VK1");
        VaultCipher.Sealed sealed = cipher.seal("cvt_A", CARD);

        assertThatThrownBy(() -> cipher.open("cvt_B", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not authenticate");
        byte[] altered = sealed.ciphertext().clone();
        altered[0] ^= 1;
        assertThatThrownBy(() -> cipher.open("cvt_A", new VaultCipher.Sealed("VK1", sealed.iv(), altered)))
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void afterARotationOldEntriesOpenWithTheirKeyAndNewOnesAreSealedWithTheNewKey() {
        VaultCipher.Sealed old = cipher(Map.of("VK1", K1), "VK1").seal("cvt_A", CARD);

        VaultCipher rotated = cipher(Map.of("VK1", K1, "VK2", K2), "VK2");
        assertThat(rotated.open("cvt_A", old)).isEqualTo(CARD);
        VaultCipher.Sealed fresh = rotated.seal("cvt_B", CARD);
        assertThat(fresh.keyId()).isEqualTo("VK2");
        assertThat(rotated.open("cvt_B", fresh)).isEqualTo(CARD);

        // re-sealed under VK2, the old entry no longer needs VK1, which can then be retired
        VaultCipher.Sealed resealed = rotated.seal("cvt_A", rotated.open("cvt_A", old));
        VaultCipher retired = cipher(Map.of("VK2", K2), "VK2");
        assertThat(retired.open("cvt_A", resealed)).isEqualTo(CARD);
        assertThatThrownBy(() -> retired.open("cvt_A", old)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vault key VK1 is not configured");
    }

    @Test
    void anEntryRelabelledWithAnotherKeyIdDoesNotOpen() {
        VaultCipher both = cipher(Map.of("VK1", K1, "VK2", K2), "VK1");
        VaultCipher.Sealed sealed = both.seal("cvt_A", CARD);
        assertThatThrownBy(() -> both.open("cvt_A", new VaultCipher.Sealed("VK2", sealed.iv(), sealed.ciphertext())))
                .hasMessageContaining("does not authenticate");
    }

    @Test
    void withoutACurrentKeyOrWithABadKeyTheVaultRefusesToStartAndSaysWhatToConfigure() {
        assertThatThrownBy(() -> VaultKeys.of(Map.of(), Optional.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(VaultKeys.CURRENT + " is not set").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> VaultKeys.of(Map.of("VK1", K1), Optional.of("VK9")))
                .hasMessageContaining(VaultKeys.KEY_PREFIX + "VK9 is not set");
        assertThatThrownBy(() -> VaultKeys.of(Map.of("VK1", "c2hvcnQ="), Optional.of("VK1")))
                .hasMessageContaining("is 5 bytes, not 32");
        assertThatThrownBy(() -> VaultKeys.of(Map.of("VK1", "not base64!"), Optional.of("VK1")))
                .hasMessageContaining("is not base64");
    }

    @Test
    void theKeysNeverShowTheirValues() {
        assertThat(VaultKeys.of(Map.of("VK1", K1), Optional.of("VK1")).toString()).doesNotContain(K1).contains("VK1");
    }
}
