package io.payrail.web.api.operator;

import io.payrail.notify.NotificationService;
import io.payrail.notify.NotificationView;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import io.payrail.web.api.security.OperatorContext;
import io.payrail.web.backoffice.StaffActions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/operator/merchants/{id}/notifications/{eventId}}: a notification's delivery log, and
 * sending it again (same event id) for support and operations; audited.
 */
@Path("/operator/merchants/{merchantId}/notifications/{eventId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorNotificationsResource {

    @Inject
    private NotificationService notifications;

    @Inject
    private StaffActions actions;

    @Inject
    private OperatorContext operator;

    @GET
    @AllowedRoles({StaffRole.OPERATIONS, StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    public NotificationView get(@PathParam("merchantId") String merchantId, @PathParam("eventId") String eventId) {
        return notifications.find(merchantId, eventId);
    }

    @POST
    @Path("resend")
    @AllowedRoles({StaffRole.SUPPORT, StaffRole.OPERATIONS})
    public NotificationView resend(@PathParam("merchantId") String merchantId, @PathParam("eventId") String eventId) {
        return actions.resendNotification(operator.actor(), merchantId, eventId);
    }
}
