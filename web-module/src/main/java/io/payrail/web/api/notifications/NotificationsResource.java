package io.payrail.web.api.notifications;

import io.payrail.notify.NotificationService;
import io.payrail.web.api.payments.Page;
import io.payrail.web.api.security.MerchantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/notifications/{eventId}} and its re-delivery. The notifications of one payment or
 * refund are listed by {@code PaymentsResource} and {@code RefundsResource} (JAX-RS matches the
 * longest root path first and never backtracks, so they must live there).
 */
@Path("/v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    private MerchantContext merchant;

    @Inject
    private NotificationService notifications;

    @GET
    @Path("{eventId}")
    public NotificationResponse get(@PathParam("eventId") String eventId) {
        return NotificationResponse.of(notifications.find(merchant.merchantId(), eventId));
    }

    @POST
    @Path("{eventId}/redeliver")
    public NotificationResponse redeliver(@PathParam("eventId") String eventId) {
        return NotificationResponse.of(notifications.redeliver(merchant.merchantId(), eventId));
    }

    /** The notifications about one resource of the merchant, in sequence order. */
    public Page<NotificationResponse> of(String aggregateId) {
        return new Page<>(notifications.of(merchant.merchantId(), aggregateId).stream()
                .map(NotificationResponse::of).toList(), null);
    }
}
