package io.payrail.web.api.payments;

import io.payrail.channel.PaymentResolver;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.order.application.CreatePaymentResult;
import io.payrail.order.application.PaymentIntake;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentPage;
import io.payrail.order.application.PaymentQuery;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.refund.CreateRefundCommand;
import io.payrail.refund.RefundIntake;
import io.payrail.refund.RefundService;
import io.payrail.web.api.notifications.NotificationResponse;
import io.payrail.web.api.notifications.NotificationsResource;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.security.MerchantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The merchant's payments: create, read, search, close, refund. Every call acts for the signing merchant only. */
@Path("/v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    @Inject
    private MerchantContext merchant;

    /** This request's URIs: the cashier links are made beside them. */
    @Context
    private UriInfo links;

    @Inject
    private PaymentIntake intake;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundIntake refundIntake;

    @Inject
    private PaymentResolver resolver;

    @Inject
    private RefundService refunds;

    @Inject
    private NotificationsResource notificationsResource;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreatePaymentRequest request, @Context UriInfo uri) {
        CreatePaymentResult result = intake.create(request.command(merchant.merchantId()));
        PaymentResponse body = PaymentResponse.of(result.order(), links);
        if (!result.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("v1/payments").path(body.id()).build()).entity(body).build();
    }

    @GET
    @Path("{id}")
    public PaymentResponse get(@PathParam("id") String id) {
        return PaymentResponse.of(orders.findForMerchant(merchant.merchantId(), id).orElseThrow(() -> notFound(id)), links);
    }

    @GET
    @Path("merchant-order-no/{merchantOrderNo}")
    public PaymentResponse byMerchantOrderNo(@PathParam("merchantOrderNo") String merchantOrderNo) {
        return PaymentResponse.of(orders.findByMerchantOrderNo(merchant.merchantId(), merchantOrderNo)
                .orElseThrow(() -> notFound(merchantOrderNo)), links);
    }

    @GET
    public Page<PaymentResponse> search(@QueryParam("state") String state, @QueryParam("createdFrom") String createdFrom,
                                        @QueryParam("createdTo") String createdTo, @QueryParam("limit") String limit,
                                        @QueryParam("cursor") String cursor) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        int size = parseLimit(limit);
        PaymentQuery query = new PaymentQuery(parseState(state), parseInstant("createdFrom", createdFrom),
                parseInstant("createdTo", createdTo), size, after == null ? null : after.createdAt(),
                after == null ? null : after.id());
        PaymentPage page = orders.search(merchant.merchantId(), query);
        List<PaymentResponse> items = page.items().stream().map(v -> PaymentResponse.of(v, links)).toList();
        String next = page.hasMore() && !items.isEmpty()
                ? new Cursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id()).encode() : null;
        return new Page<>(items, next);
    }

    @POST
    @Path("{id}/close")
    public PaymentResponse close(@PathParam("id") String id) {
        return PaymentResponse.of(resolver.closeForMerchant(merchant.merchantId(), id), links);
    }

    @POST
    @Path("{id}/refunds")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refund(@PathParam("id") String id, @NotNull @Valid CreateRefundRequest request, @Context UriInfo uri) {
        RefundService.RefundResult result = refundIntake.create(new CreateRefundCommand(merchant.merchantId(), id,
                request.merchantRefundNo(), request.amount(), request.reason()));
        RefundResponse body = RefundResponse.of(result.refund());
        if (!result.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("v1/refunds").path(body.id()).build()).entity(body).build();
    }

    @GET
    @Path("{id}/refunds")
    public Page<RefundResponse> refunds(@PathParam("id") String id) {
        orders.findForMerchant(merchant.merchantId(), id).orElseThrow(() -> notFound(id));
        return new Page<>(refunds.ofPayment(merchant.merchantId(), id).stream().map(RefundResponse::of).toList(), null);
    }

    @GET
    @Path("{id}/notifications")
    public Page<NotificationResponse> notifications(@PathParam("id") String id) {
        orders.findForMerchant(merchant.merchantId(), id).orElseThrow(() -> notFound(id));
        return notificationsResource.of(id);
    }

    static PayrailException notFound(String key) {
        return new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + abbreviate(key));
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    /** {@code limit} as given (null: the default), within 1 to {@value #MAX_LIMIT}. */
    public static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** {@code state} as given, or null. */
    public static PaymentOrderState parseState(String state) {
        if (state == null) {
            return null;
        }
        try {
            return PaymentOrderState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw invalid("state", "must be one of " + java.util.Arrays.toString(PaymentOrderState.values()));
        }
    }

    private static Instant parseInstant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-11-27T00:00:00Z");
        }
    }

    private static PayrailException invalid(String field, String message) {
        return new InvalidFieldException(field, message);
    }
}
