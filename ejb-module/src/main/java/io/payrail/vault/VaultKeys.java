package io.payrail.vault;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's AES-256 keys by key id, and which one seals new entries. Keys are kept until no entry
 * needs them: an entry is always opened with the key it was sealed with. {@link #toString()} names
 * the key ids only.
 */
public final class VaultKeys {

    /** The configuration prefix of a key: {@code payrail.vault.key.<id>} = base64 of 32 random bytes. */
    public static final String KEY_PREFIX = "payrail.vault.key.";
    /** The configuration key naming the key that seals new entries. */
    public static final String CURRENT = "payrail.vault.current-key-id";

    private static final int KEY_BYTES = 32;
    private static final int MAX_ID_CHARS = 32;

    private final Map<String, SecretKey> keys;
    private final String currentId;

    private VaultKeys(Map<String, SecretKey> keys, String currentId) {
        this.keys = Map.copyOf(keys);
        this.currentId = currentId;
    }

    /**
     * Reads the keys from configuration values: {@code encoded} maps each key id to its base64 value.
     *
     * @throws IllegalStateException saying what to configure, when no current key is set, the current
     *                               key is missing, or a value is not 32 bytes of base64
     */
    public static VaultKeys of(Map<String, String> encoded, Optional<String> currentId) {
        String current = currentId.map(String::strip).filter(s -> !s.isEmpty()).orElseThrow(() -> new IllegalStateException(
                CURRENT + " is not set: the card vault has no key to encrypt with. Generate one (openssl rand -base64 32),"
                        + " give it as " + KEY_PREFIX + "<id> (a Payara password alias) and name <id> in " + CURRENT
                        + "; the run scripts do this for the dev and test profiles"));
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        encoded.forEach((id, value) -> keys.put(checkedId(id), decode(id, value)));
        if (!keys.containsKey(current)) {
            throw new IllegalStateException(CURRENT + " names key " + current + ", but " + KEY_PREFIX + current
                    + " is not set (configured keys: " + keys.keySet() + "): configure that key or name one of these");
        }
        return new VaultKeys(keys, current);
    }

    private static String checkedId(String id) {
        if (id.isEmpty() || id.length() > MAX_ID_CHARS || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalStateException("vault key id '" + id + "' is not 1-" + MAX_ID_CHARS
                    + " letters, digits, '-' or '_': rename " + KEY_PREFIX + id);
        }
        return id;
    }

    private static SecretKey decode(String id, String value) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY_PREFIX + id + " is not base64: generate it with openssl rand -base64 32");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(KEY_PREFIX + id + " is " + bytes.length + " bytes, not " + KEY_BYTES
                    + " (AES-256): generate it with openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The id of the key that seals new entries. */
    public String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    /**
     * @throws IllegalStateException when this key is no longer configured
     */
    SecretKey key(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("vault key " + id + " is not configured (" + KEY_PREFIX + id
                    + "), but entries sealed with it remain: configure it again until they are re-sealed");
        }
        return key;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "VaultKeys[current " + currentId + ", ids " + keys.keySet() + "]";
    }
}
