package io.payrail.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM sealing of one vault entry. The associated data binds a ciphertext to its entry's token
 * and key id: a ciphertext copied to another entry, or an entry relabelled with another key id,
 * fails authentication instead of decrypting to someone else's card.
 */
public final class VaultCipher {

    /** What is stored of one entry: the key it was sealed with, its IV, ciphertext and tag. */
    public record Sealed(String keyId, byte[] iv, byte[] ciphertext) {
    }

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final VaultKeys keys;

    public VaultCipher(VaultKeys keys) {
        this.keys = keys;
    }

    /** Seals {@code plaintext} for entry {@code token} with the current key and a fresh random IV. */
    public Sealed seal(String token, byte[] plaintext) {
        String keyId = keys.currentId();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(token, keyId));
            return new Sealed(keyId, iv, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to seal a vault entry: " + e.getMessage(), e);
        }
    }

    /**
     * Opens entry {@code token} with the key it names.
     *
     * @throws IllegalStateException when its key is not configured, or the entry does not authenticate
     *                               (altered, moved, or sealed with another key of the same id)
     */
    public byte[] open(String token, Sealed sealed) {
        SecretKey key = keys.key(sealed.keyId());
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(associatedData(token, sealed.keyId()));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("vault entry " + token + " does not authenticate with key " + sealed.keyId()
                    + ": it was altered or the key of that id changed; the card must be saved again");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("vault entry " + token + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /** The key new entries are sealed with; entries under any other are re-sealed after a rotation. */
    public String currentKeyId() {
        return keys.currentId();
    }

    private static byte[] associatedData(String token, String keyId) {
        return ("payrail-vault-v1|" + token + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
