package io.payrail.web.api.cashier;

import io.payrail.cashier.CashierPayments;
import io.payrail.cashier.CashierPayments.CashierResult;
import io.payrail.cashier.CashierQuickPay;
import io.payrail.cashier.QuickPayException;
import io.payrail.channel.ChannelOutcome;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.InvalidCardException;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;

/**
 * {@code /api/cashier/{token}}: the order of a cashier link, paid with a new card or with quick pay
 * (bind, code, pay), answered as JSON. A payment's answer is the order and what the channel said;
 * the outcome then reaches the merchant as for any payment. Guests only: saved methods need the
 * signed-in payer's page session.
 */
@Path("/cashier/{token}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CashierApiResource {

    private static final String PHONE = "\\+?\\d{6,15}";

    @Inject
    private PaymentOrderService orders;

    @Inject
    private CashierPayments payments;

    @Inject
    private CashierQuickPay quickPay;

    @PathParam("token")
    private String token;

    @GET
    public JsonObject order() {
        return order(orders.findByCashierToken(token).orElseThrow(CashierApiResource::unknownLink)).build();
    }

    @POST
    @Path("card")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject payWithCard(@NotNull CashierApiRequests.CardPayment body) {
        CardDetails card;
        try {
            card = CardDetails.of(body.number(), body.expiry(), body.cvv(), body.holder(), Clock.systemUTC());
        } catch (InvalidCardException e) {
            throw invalid(e);
        }
        return result(payments.payWithCard(token, card, null, false));
    }

    @POST
    @Path("quickpay/bind")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject bind(@NotNull CashierApiRequests.QuickPayBind body) {
        CardDetails card;
        try {
            card = CardDetails.forBinding(body.number(), body.expiry(), Clock.systemUTC());
        } catch (InvalidCardException e) {
            throw invalid(e);
        }
        String phone = body.phone() == null ? "" : body.phone().strip();
        if (!phone.matches(PHONE)) {
            throw new PayrailException(ErrorCode.CARD_INVALID, "phone: 6 to 15 digits, optionally after +");
        }
        try {
            CashierQuickPay.Binding binding = quickPay.bind(token, card, phone);
            return Json.createObjectBuilder().add("bindId", binding.bindId()).add("phone", binding.phone())
                    .add("card", binding.brand() + " •••• " + binding.last4()).build();
        } catch (QuickPayException e) {
            throw refused(e);
        }
    }

    @POST
    @Path("quickpay/bind/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject confirm(@NotNull CashierApiRequests.QuickPayConfirm body) {
        if (body.bindId() == null || body.bindId().isBlank()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "bindId: the id the bind call answered is required");
        }
        try {
            CashierQuickPay.Agreement agreement = quickPay.confirm(new CashierQuickPay.Binding(body.bindId(), null, null, null),
                    body.otp(), null);
            return Json.createObjectBuilder().add("agreementId", agreement.agreementId()).build();
        } catch (QuickPayException e) {
            throw refused(e);
        }
    }

    @POST
    @Path("quickpay/code")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject sendCode(@NotNull CashierApiRequests.QuickPayCodeRequest body) {
        try {
            return Json.createObjectBuilder().add("phone", quickPay.sendCode(token, agreementId(body.agreementId()))).build();
        } catch (QuickPayException e) {
            throw refused(e);
        }
    }

    @POST
    @Path("quickpay/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject payWithQuickPay(@NotNull CashierApiRequests.QuickPayPayment body) {
        CashierQuickPay.Agreement agreement = new CashierQuickPay.Agreement(agreementId(body.agreementId()), null, null, null);
        return result(payments.payWithQuickPay(token, null, null, agreement, body.otp()));
    }

    private static String agreementId(String agreementId) {
        if (agreementId == null || agreementId.isBlank()) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "agreementId: the id the confirm call answered is required");
        }
        return agreementId;
    }

    private static JsonObject result(CashierResult result) {
        JsonObjectBuilder json = order(result.order());
        ChannelOutcome outcome = result.outcome();
        if (outcome == null) {
            // nothing was sent: the order was not payable now (paid, expired, closed or another attempt running)
            json.add("outcome", "NOT_PAYABLE");
        } else {
            json.add("outcome", outcome.status().name());
            if (outcome.code() != null) {
                json.add("code", outcome.code());
            }
            if (outcome.payUrl() != null) {
                json.add("confirmUrl", outcome.payUrl());
            }
        }
        return json.build();
    }

    private static JsonObjectBuilder order(PaymentOrderView order) {
        return Json.createObjectBuilder().add("id", order.id()).add("state", order.state().name())
                .add("amount", order.amountMinor()).add("currency", order.currency())
                .add("expiresAt", order.expiresAt().toString());
    }

    private static PayrailException invalid(InvalidCardException e) {
        return new PayrailException(ErrorCode.CARD_INVALID, e.reason() + ": " + e.getMessage());
    }

    private static PayrailException refused(QuickPayException e) {
        if (QuickPayException.UNAVAILABLE.equals(e.code())) {
            return new PayrailException(ErrorCode.SERVICE_UNAVAILABLE, "QUICKPAY cannot be reached; nothing was charged: retry shortly");
        }
        return new PayrailException(ErrorCode.QUICKPAY_REFUSED, e.code() + (e.attemptsLeft() == null ? "" : " (tries left: "
                + e.attemptsLeft() + ")") + ": " + switch (e.code()) {
                    case "OTP_INVALID" -> "type the code from the text message again";
                    case "OTP_EXPIRED" -> "ask for a new code";
                    case "BIND_FAILED" -> "bind the card again";
                    default -> "check the card and phone, or pay another way";
                });
    }

    private static PayrailException unknownLink() {
        return new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no payment has this cashier link: use the cashierUrl of the payment");
    }
}
