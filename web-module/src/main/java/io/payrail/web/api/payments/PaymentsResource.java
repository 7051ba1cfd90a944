package io.payrail.web.api.payments;

import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.order.application.CreatePaymentCommand;
import io.payrail.order.application.CreatePaymentResult;
import io.payrail.order.application.PaymentIntake;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
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

@Path("/v1/payments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    @Inject
    private PaymentIntake intake;

    @Inject
    private PaymentOrderService orders;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid CreatePaymentRequest request, @Context UriInfo uri) {
        CreatePaymentCommand command = new CreatePaymentCommand(request.merchantId(), request.merchantOrderNo(),
                Money.ofMinor(request.amount(), request.currency()), request.subject(), request.paymentMethod());
        CreatePaymentResult result = intake.create(command);
        PaymentResponse body = PaymentResponse.of(result.order());
        if (!result.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(body.id()).build()).entity(body).build();
    }

    @GET
    @Path("{id}")
    public PaymentResponse get(@PathParam("id") String id) {
        return PaymentResponse.of(orders.find(id).orElseThrow(() -> notFound(id)));
    }

    @GET
    public PaymentResponse byMerchantOrderNo(@NotNull @QueryParam("merchantId") String merchantId,
                                             @NotNull @QueryParam("merchantOrderNo") String merchantOrderNo) {
        PaymentOrderView order = orders.findByMerchantOrderNo(merchantId, merchantOrderNo)
                .orElseThrow(() -> notFound(merchantOrderNo));
        return PaymentResponse.of(order);
    }

    private static PayrailException notFound(String key) {
        return new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + abbreviate(key));
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }
}
