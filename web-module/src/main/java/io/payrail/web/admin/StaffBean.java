package io.payrail.web.admin;

import io.payrail.common.PayrailException;
import io.payrail.staff.StaffAccount;
import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffRole;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Staff and roles: the list (ADMIN and AUDITOR, web.xml); create with a one-time password, set
 * roles, unlock, reset the password, turn TOTP on (ADMIN only, checked here).
 */
@Named("staff")
@ViewScoped
public class StaffBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StaffDirectory directory;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private String newId;
    private String newName;
    private List<String> newRoles = new ArrayList<>();
    private String shownSecret;

    public List<Map<String, Object>> getRows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StaffAccount a : directory.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("displayName", a.displayName());
            row.put("roles", String.join(", ", a.roles().stream().map(Enum::name).sorted().toList()));
            row.put("disabled", a.isDisabled());
            row.put("totp", a.hasTotp());
            row.put("lockedUntil", a.lockedUntil());
            row.put("mustChangePassword", a.mustChangePassword());
            rows.add(row);
        }
        return rows;
    }

    public List<String> getAllRoles() {
        return EnumSet.allOf(StaffRole.class).stream().map(Enum::name).toList();
    }

    public void create() {
        if (guard.allows(StaffRole.ADMIN)) {
            try {
                String password = directory.create(newId, newName == null || newName.isBlank() ? newId : newName,
                        roles(newRoles), guard.getStaffId(), guard.actor().address());
                shownSecret = password;
                messages.info("staff.created", newId, password);
            } catch (PayrailException e) {
                messages.refused(e);
            }
        }
    }

    public void setRolesOf(String id) {
        if (guard.allows(StaffRole.ADMIN)) {
            try {
                directory.setRoles(id, roles(newRoles), guard.getStaffId(), guard.actor().address());
                messages.info("staff.rolesSet", id);
            } catch (PayrailException e) {
                messages.refused(e);
            }
        }
    }

    public void unlock(String id) {
        if (guard.allows(StaffRole.ADMIN)) {
            directory.unlock(id, guard.getStaffId(), guard.actor().address());
            messages.info("staff.unlocked", id);
        }
    }

    public void resetPassword(String id) {
        if (guard.allows(StaffRole.ADMIN)) {
            shownSecret = directory.resetPassword(id, guard.getStaffId(), guard.actor().address());
            messages.info("staff.passwordReset", id, shownSecret);
        }
    }

    public void enableTotp(String id) {
        if (guard.allows(StaffRole.ADMIN)) {
            shownSecret = directory.enableTotp(id, guard.getStaffId(), guard.actor().address());
            messages.info("staff.totpEnabled", id, shownSecret);
        }
    }

    /** The last one-time password or TOTP secret shown (once, on this view). */
    public String getShownSecret() {
        return shownSecret;
    }

    private static Set<StaffRole> roles(List<String> names) {
        return StaffRole.parse(String.join(",", names));
    }

    public String getNewId() {
        return newId;
    }

    public void setNewId(String newId) {
        this.newId = newId;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public List<String> getNewRoles() {
        return newRoles;
    }

    public void setNewRoles(List<String> newRoles) {
        this.newRoles = newRoles;
    }
}
