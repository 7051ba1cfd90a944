package io.payrail.web.admin;

import io.payrail.common.PayrailException;
import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.DeadLetters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** The dead-letter queue: see and inspect its messages; OPERATIONS re-drives one (checked here). */
@Named("deadLetters")
@RequestScoped
public class DeadLettersBean {

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private List<Map<String, Object>> rows;

    public List<Map<String, Object>> getRows() {
        if (rows == null) {
            try {
                rows = deadLetters.list();
            } catch (PayrailException e) {
                messages.refused(e);
                rows = List.of();
            }
        }
        return rows;
    }

    public void redrive(String messageId) {
        if (!guard.allows(StaffRole.OPERATIONS)) {
            return;
        }
        try {
            deadLetters.redrive(guard.actor(), messageId);
            messages.info("dlq.redriven", messageId);
        } catch (PayrailException e) {
            messages.refused(e);
        }
        rows = null;
    }
}
