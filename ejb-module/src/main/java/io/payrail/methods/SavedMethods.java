package io.payrail.methods;

import io.payrail.common.Ids;
import io.payrail.instrument.CardDetails;
import io.payrail.vault.CardVault;
import io.payrail.vault.VaultedCard;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Saves, lists, chooses and removes a payer's methods. Each call is one transaction: a card's vault
 * row and its method row are written, and removed, together. The first method a payer saves is their
 * default; removing the default makes the newest remaining one the default.
 */
@Stateless
public class SavedMethods {

    private static final Logger LOG = Logger.getLogger(SavedMethods.class.getName());
    private static final String COLUMNS = "id, payer_id, kind, vault_token, agreement_id, brand, issuer, last4, is_default";

    @PersistenceContext(unitName = "payrail")
    private EntityManager em;

    @Inject
    private CardVault vault;

    @Inject
    private Clock clock;

    /** The payer's methods, the default first, then newest first. */
    public List<SavedMethod> list(long payerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM payer_method WHERE payer_id = ?"
                + " ORDER BY is_default DESC, created_at DESC, id DESC").setParameter(1, payerId).getResultList();
        return rows.stream().map(SavedMethods::method).toList();
    }

    /** One of the payer's methods; empty when it is not theirs (or does not exist). */
    public Optional<SavedMethod> find(long payerId, String methodId) {
        return list(payerId).stream().filter(m -> m.id().equals(methodId)).findFirst();
    }

    /** Puts a card the payer just paid with in the vault, as one of their methods. */
    public SavedMethod saveCard(long payerId, CardDetails card) {
        VaultedCard vaulted = vault.store(card.number(), card.expiry());
        return insert(payerId, SavedMethod.Kind.CARD, vaulted.token(), null, vaulted.brand(), vaulted.issuer(), vaulted.last4());
    }

    /** Keeps a QUICKPAY agreement the payer bound ({@code brand}, {@code last4}: the bound card's). */
    public SavedMethod saveAgreement(long payerId, String agreementId, String brand, String last4) {
        Optional<SavedMethod> known = list(payerId).stream().filter(m -> agreementId.equals(m.agreementId())).findFirst();
        return known.orElseGet(() -> insert(payerId, SavedMethod.Kind.QUICK_PAY, null, agreementId, brand, null, last4));
    }

    /** Makes one of the payer's methods their default; false when it is not theirs. */
    public boolean setDefault(long payerId, String methodId) {
        if (find(payerId, methodId).isEmpty()) {
            return false;
        }
        em.createNativeQuery("UPDATE payer_method SET is_default = (id = ?) WHERE payer_id = ?")
                .setParameter(1, methodId).setParameter(2, payerId).executeUpdate();
        return true;
    }

    /**
     * Removes one of the payer's methods, and a card's vault entry with it; false when it is not theirs.
     * A quick-pay agreement is only forgotten: QUICKPAY's protocol has no unbind.
     */
    public boolean remove(long payerId, String methodId) {
        Optional<SavedMethod> method = find(payerId, methodId);
        if (method.isEmpty()) {
            return false;
        }
        em.createNativeQuery("DELETE FROM payer_method WHERE id = ? AND payer_id = ?")
                .setParameter(1, methodId).setParameter(2, payerId).executeUpdate();
        if (method.get().vaultToken() != null) {
            vault.delete(method.get().vaultToken());
        }
        if (method.get().isDefault()) {
            list(payerId).stream().findFirst().ifPresent(next -> setDefault(payerId, next.id()));
        }
        LOG.fine(() -> "payer " + payerId + " removed " + method.get());
        return true;
    }

    private SavedMethod insert(long payerId, SavedMethod.Kind kind, String vaultToken, String agreementId, String brand,
                               String issuer, String last4) {
        boolean first = list(payerId).isEmpty();
        String id = Ids.next("pm");
        em.createNativeQuery("INSERT INTO payer_method (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, payerId).setParameter(3, kind.name()).setParameter(4, vaultToken)
                .setParameter(5, agreementId).setParameter(6, brand).setParameter(7, issuer).setParameter(8, last4)
                .setParameter(9, first).setParameter(10, clock.instant()).executeUpdate();
        return new SavedMethod(id, payerId, kind, vaultToken, agreementId, brand, issuer, last4, first);
    }

    private static SavedMethod method(Object[] row) {
        return new SavedMethod((String) row[0], ((Number) row[1]).longValue(), SavedMethod.Kind.valueOf((String) row[2]),
                (String) row[3], (String) row[4], (String) row[5], (String) row[6], (String) row[7], truth(row[8]));
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }
}
