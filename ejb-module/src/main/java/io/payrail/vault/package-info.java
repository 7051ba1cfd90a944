/**
 * The card vault: the only place a card number is kept after the payer's request ends, and only
 * encrypted (AES-GCM, a random 96-bit IV per entry, the entry's token and key id as associated data,
 * so a ciphertext moved to another row or relabelled with another key id does not decrypt). The key
 * comes from MicroProfile Config, never from the source; each entry names the key that sealed it, so
 * keys rotate: new entries are sealed with the current key, old ones are opened with theirs.
 * Everything outside this package sees a token, the brand, the issuer and the last four digits.
 */
package io.payrail.vault;
