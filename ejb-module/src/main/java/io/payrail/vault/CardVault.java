package io.payrail.vault;

import io.payrail.common.Ids;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.CardExpiry;
import io.payrail.instrument.CardNumber;
import io.payrail.instrument.InvalidCardException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The vault's entries (table card_vault): a card's number and expiry month sealed by {@link VaultCipher},
 * beside what may be shown of it. The plaintext exists only inside a payer's request: {@link #store}
 * seals what the payer typed, {@link #reveal} opens it for one channel request with the security code
 * the payer typed again (never stored).
 */
@Stateless
public class CardVault {

    private static final Logger LOG = Logger.getLogger(CardVault.class.getName());
    private static final String TOKEN_PREFIX = "cvt";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private VaultKeyring keyring;

    @Inject
    private Clock clock;

    /** Seals a checked card; returns its token and what may be shown of it. */
    public VaultedCard store(CardNumber number, CardExpiry expiry) {
        String token = Ids.next(TOKEN_PREFIX);
        byte[] plain = plaintext(number, expiry);
        VaultCipher.Sealed sealed = keyring.cipher().seal(token, plain);
        Arrays.fill(plain, (byte) 0);
        VaultedCard card = new VaultedCard(token, number.brand().displayName(), CardIssuers.of(number.bin()), number.last4());
        em.createNativeQuery("INSERT INTO card_vault (token, key_id, iv, ciphertext, brand, issuer, last4, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, token).setParameter(2, sealed.keyId()).setParameter(3, sealed.iv())
                .setParameter(4, sealed.ciphertext()).setParameter(5, card.brand()).setParameter(6, card.issuer())
                .setParameter(7, card.last4()).setParameter(8, clock.instant()).executeUpdate();
        LOG.fine(() -> "vault entry " + token + " (" + card.describe() + ") sealed with key " + sealed.keyId());
        return card;
    }

    /**
     * The saved card with the security code the payer entered for this payment, for one channel request.
     *
     * @throws InvalidCardException EXPIRED when the saved card has expired, CVV_INVALID for a malformed code
     * @throws IllegalStateException when there is no such entry or it cannot be opened
     */
    public CardDetails reveal(String token, String cvv) throws InvalidCardException {
        VaultCipher.Sealed sealed = sealed(token).orElseThrow(() -> new IllegalStateException(
                "vault entry " + token + " does not exist (removed?): the payer must enter the card again"));
        byte[] plain = keyring.cipher().open(token, sealed);
        String text = new String(plain, StandardCharsets.US_ASCII);
        Arrays.fill(plain, (byte) 0);
        int bar = text.indexOf('|');
        CardNumber number = CardNumber.parse(text.substring(0, bar));
        CardExpiry expiry = new CardExpiry(YearMonth.parse(text.substring(bar + 1)));
        return CardDetails.saved(number, expiry, cvv, clock);
    }

    /** Deletes an entry; true when there was one. */
    public boolean delete(String token) {
        return em.createNativeQuery("DELETE FROM card_vault WHERE token = ?").setParameter(1, token).executeUpdate() > 0;
    }

    /**
     * Re-seals every entry sealed with an older key under the current one (after a key rotation),
     * so the old key can then be retired; returns how many were re-sealed.
     */
    public int reseal() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT token, key_id, iv, ciphertext FROM card_vault WHERE key_id <> ?")
                .setParameter(1, keyring.cipher().currentKeyId()).getResultList();
        for (Object[] row : rows) {
            String token = (String) row[0];
            byte[] plain = keyring.cipher().open(token, new VaultCipher.Sealed((String) row[1], (byte[]) row[2], (byte[]) row[3]));
            VaultCipher.Sealed fresh = keyring.cipher().seal(token, plain);
            Arrays.fill(plain, (byte) 0);
            em.createNativeQuery("UPDATE card_vault SET key_id = ?, iv = ?, ciphertext = ? WHERE token = ?")
                    .setParameter(1, fresh.keyId()).setParameter(2, fresh.iv()).setParameter(3, fresh.ciphertext())
                    .setParameter(4, token).executeUpdate();
        }
        return rows.size();
    }

    private Optional<VaultCipher.Sealed> sealed(String token) {
        List<?> rows = em.createNativeQuery("SELECT key_id, iv, ciphertext FROM card_vault WHERE token = ?")
                .setParameter(1, token).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new VaultCipher.Sealed((String) row[0], (byte[]) row[1], (byte[]) row[2]);
        });
    }

    private static byte[] plaintext(CardNumber number, CardExpiry expiry) {
        return (number.digits() + "|" + expiry.month()).getBytes(StandardCharsets.US_ASCII);
    }
}
