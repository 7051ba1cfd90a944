package io.payrail.web.admin;

import io.payrail.common.PayrailException;
import io.payrail.staff.StaffDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/** The member's own password change (forced after a one-time password). */
@Named("password")
@RequestScoped
public class PasswordBean {

    @Inject
    private StaffDirectory staff;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private String current;
    private String next;
    private String repeat;

    public void change() throws IOException {
        if (next == null || !next.equals(repeat)) {
            messages.error("password.mismatch");
            return;
        }
        try {
            staff.changePassword(guard.getStaffId(), current, next, guard.actor().address());
        } catch (PayrailException e) {
            messages.refused(e);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/admin/dashboard.xhtml");
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
