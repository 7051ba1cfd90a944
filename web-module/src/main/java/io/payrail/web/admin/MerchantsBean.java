package io.payrail.web.admin;

import io.payrail.backoffice.BackOfficeQueries;
import io.payrail.common.PayrailException;
import io.payrail.merchant.MerchantRegistration;
import io.payrail.staff.StaffRole;
import io.payrail.web.backoffice.StaffActions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Merchants: the list; onboard, suspend, activate, revoke and rotate keys (OPERATIONS only). */
@Named("merchants")
@ViewScoped
public class MerchantsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BackOfficeQueries queries;

    @Inject
    private StaffActions actions;

    @Inject
    private StaffGuard guard;

    @Inject
    private AdminMessages messages;

    private List<Map<String, Object>> rows;
    private String newId;
    private String newName;
    private String newCurrency = "USD";
    private Long newMaxAmount = 10_000_000L;
    private String keyMerchant;
    private String keyId;
    private String oldKeyId;
    private String publicKeyPem;

    public List<Map<String, Object>> getRows() {
        if (rows == null) {
            rows = queries.merchants();
        }
        return rows;
    }

    public void suspend(String merchantId) {
        act(() -> actions.suspend(guard.actor(), merchantId), "merchants.suspended", merchantId);
    }

    public void activate(String merchantId) {
        act(() -> actions.activate(guard.actor(), merchantId), "merchants.activated", merchantId);
    }

    public void onboard() {
        act(() -> actions.registerMerchant(guard.actor(), new MerchantRegistration(newId, newName, null, 600,
                Map.of(newCurrency, newMaxAmount))), "merchants.onboarded", newId);
    }

    public void addKey() {
        act(() -> actions.addKey(guard.actor(), keyMerchant, keyId, publicKeyPem), "merchants.keyAdded", keyMerchant);
    }

    public void rotateKey() {
        act(() -> actions.rotateKey(guard.actor(), keyMerchant, oldKeyId, keyId, publicKeyPem), "merchants.keyRotated",
                keyMerchant);
    }

    public void revokeKey() {
        act(() -> actions.revokeKey(guard.actor(), keyMerchant, oldKeyId), "merchants.keyRevoked", keyMerchant);
    }

    /** Every change is OPERATIONS', checked here, on the server, whatever the page showed. */
    private void act(Runnable change, String doneKey, String merchantId) {
        if (!guard.allows(StaffRole.OPERATIONS)) {
            return;
        }
        try {
            change.run();
            messages.info(doneKey, merchantId);
        } catch (PayrailException e) {
            messages.refused(e);
        }
        rows = null;
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

    public String getNewCurrency() {
        return newCurrency;
    }

    public void setNewCurrency(String newCurrency) {
        this.newCurrency = newCurrency;
    }

    public Long getNewMaxAmount() {
        return newMaxAmount;
    }

    public void setNewMaxAmount(Long newMaxAmount) {
        this.newMaxAmount = newMaxAmount;
    }

    public String getKeyMerchant() {
        return keyMerchant;
    }

    public void setKeyMerchant(String keyMerchant) {
        this.keyMerchant = keyMerchant;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public String getOldKeyId() {
        return oldKeyId;
    }

    public void setOldKeyId(String oldKeyId) {
        this.oldKeyId = oldKeyId;
    }

    public String getPublicKeyPem() {
        return publicKeyPem;
    }

    public void setPublicKeyPem(String publicKeyPem) {
        this.publicKeyPem = publicKeyPem;
    }
}
