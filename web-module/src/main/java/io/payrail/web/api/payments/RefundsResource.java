package io.payrail.web.api.payments;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.refund.RefundService;
import io.payrail.web.api.notifications.NotificationResponse;
import io.payrail.web.api.notifications.NotificationsResource;
import io.payrail.web.api.security.MerchantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Reading the merchant's refunds (they are created under their payment). */
@Path("/v1/refunds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RefundsResource {

    @Inject
    private MerchantContext merchant;

    @Inject
    private RefundService refunds;

    @Inject
    private NotificationsResource notificationsResource;

    @GET
    @Path("{id}")
    public RefundResponse get(@PathParam("id") String id) {
        return RefundResponse.of(refunds.find(merchant.merchantId(), id).orElseThrow(() -> notFound(id)));
    }

    @GET
    @Path("merchant-refund-no/{merchantRefundNo}")
    public RefundResponse byMerchantRefundNo(@PathParam("merchantRefundNo") String merchantRefundNo) {
        return RefundResponse.of(refunds.findByMerchantRefundNo(merchant.merchantId(), merchantRefundNo)
                .orElseThrow(() -> notFound(merchantRefundNo)));
    }

    @GET
    @Path("{id}/notifications")
    public Page<NotificationResponse> notifications(@PathParam("id") String id) {
        refunds.find(merchant.merchantId(), id).orElseThrow(() -> notFound(id));
        return notificationsResource.of(id);
    }

    private static PayrailException notFound(String key) {
        return new PayrailException(ErrorCode.REFUND_NOT_FOUND, "no refund " + PaymentsResource.abbreviate(key));
    }
}
