package io.payrail.settlement;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The settlement run and the payout, outside any transaction: each merchant's batch is its own
 * transaction, and the bank is called between two (never inside one that a crash would roll back
 * after the money left). A payout killed at any point is simply paid again: the transfer's
 * reference is the settlement id, so the bank moves the money at most once, and PAID is booked
 * once (only an APPROVED settlement becomes PAID).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettlementPayouts {

    private static final Logger LOG = Logger.getLogger(SettlementPayouts.class.getName());

    @Inject
    private Settlements settlements;

    @Inject
    private PayoutBank bank;

    /** Makes every merchant's DRAFT batches of {@code day}; returns their ids. */
    public List<String> run(LocalDate day) {
        List<String> merchants = settlements.merchants();
        List<String> made = new ArrayList<>();
        int done = 0;
        for (String merchant : merchants) {
            made.addAll(settlements.draft(merchant, day));
            int processed = ++done;
            if (processed % 100 == 0 || processed == merchants.size()) {
                LOG.info(() -> "settlement run of " + day + ": phase DRAFT, " + processed + "/" + merchants.size()
                        + " merchants, " + made.size() + " batch(es)");
            }
        }
        return made;
    }

    /** Pays an APPROVED settlement out to the merchant's account. */
    public SettlementView pay(String id) {
        Settlements.Payout payout = settlements.payout(id);
        PayoutBank.Outcome outcome = bank.transfer(payout.settlement().transferRef(), payout.settlement().net(),
                payout.account(), payout.name());
        return settlements.recordPayout(id, outcome);
    }
}
