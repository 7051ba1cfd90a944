package io.payrail.web.backoffice;

import io.payrail.channel.ChannelSwitches;
import io.payrail.merchant.MerchantRegistration;
import io.payrail.merchant.MerchantService;
import io.payrail.merchant.MerchantView;
import io.payrail.notify.NotificationService;
import io.payrail.notify.NotificationView;
import io.payrail.staff.StaffAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Staff actions on merchants, channels and notifications, each with exactly one audit row written in the
 * action's own transaction (the beans it calls join it). The caller has checked the role.
 */
@ApplicationScoped
@Transactional
public class StaffActions {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    private MerchantService merchants;

    @Inject
    private NotificationService notifications;

    @Inject
    private StaffAudit audit;

    @Inject
    private ChannelSwitches switches;

    public MerchantService.RegistrationResult registerMerchant(Actor actor, MerchantRegistration registration) {
        MerchantService.RegistrationResult result = merchants.register(registration);
        if (result.created()) {
            audit.record(actor.staffId(), "MERCHANT_ONBOARDED", registration.id(), null, json(result.merchant()),
                    actor.address());
        }
        return result;
    }

    public MerchantView updateMerchant(Actor actor, MerchantRegistration registration) {
        return onMerchant(actor, "MERCHANT_UPDATED", registration.id(), () -> merchants.update(registration));
    }

    public MerchantView addKey(Actor actor, String merchantId, String keyId, String publicKeyPem) {
        return onMerchant(actor, "MERCHANT_KEY_ADDED", merchantId, () -> merchants.addKey(merchantId, keyId, publicKeyPem));
    }

    public MerchantView revokeKey(Actor actor, String merchantId, String keyId) {
        return onMerchant(actor, "MERCHANT_KEY_REVOKED", merchantId, () -> merchants.revokeKey(merchantId, keyId));
    }

    /** The new key and the old one's revocation in one step: the merchant is never without a key. */
    public MerchantView rotateKey(Actor actor, String merchantId, String oldKeyId, String newKeyId, String publicKeyPem) {
        return onMerchant(actor, "MERCHANT_KEY_ROTATED", merchantId, () -> {
            merchants.addKey(merchantId, newKeyId, publicKeyPem);
            return merchants.revokeKey(merchantId, oldKeyId);
        });
    }

    public MerchantView suspend(Actor actor, String merchantId) {
        return onMerchant(actor, "MERCHANT_SUSPENDED", merchantId, () -> merchants.suspend(merchantId));
    }

    public MerchantView activate(Actor actor, String merchantId) {
        return onMerchant(actor, "MERCHANT_ACTIVATED", merchantId, () -> merchants.activate(merchantId));
    }

    /** Switches a channel on or off for new payments. */
    public void setChannelEnabled(Actor actor, String channelId, boolean enabled) {
        boolean wasOn = switches.set(channelId, enabled, actor.staffId());
        audit.record(actor.staffId(), enabled ? "CHANNEL_ENABLED" : "CHANNEL_DISABLED", channelId,
                "{\"enabled\":" + wasOn + "}", "{\"enabled\":" + enabled + "}", actor.address());
    }

    /** Sends a notification again with the same event id. */
    public NotificationView resendNotification(Actor actor, String merchantId, String eventId) {
        NotificationView before = notifications.find(merchantId, eventId);
        NotificationView after = notifications.redeliver(merchantId, eventId);
        audit.record(actor.staffId(), "NOTIFICATION_RESENT", eventId, state(before), state(after), actor.address());
        return after;
    }

    /** Records an action whose bean (a rate plan, a case) keeps its own rules. */
    public <T> T audited(Actor actor, String action, String target, Supplier<T> change) {
        T after = change.get();
        audit.record(actor.staffId(), action, target, null, json(after), actor.address());
        return after;
    }

    private MerchantView onMerchant(Actor actor, String action, String merchantId, Supplier<MerchantView> change) {
        MerchantView before = merchants.view(merchantId);
        MerchantView after = change.get();
        audit.record(actor.staffId(), action, merchantId, json(before), json(after), actor.address());
        return after;
    }

    private static String state(NotificationView n) {
        return "{\"state\":\"" + n.state() + "\",\"attempts\":" + n.attempts() + "}";
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.toJson(value);
        } catch (RuntimeException e) {
            // a value JSON-B cannot map is still recorded, as its text
            return String.valueOf(value);
        }
    }
}
