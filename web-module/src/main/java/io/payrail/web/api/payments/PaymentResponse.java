package io.payrail.web.api.payments;

import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.web.cashier.CashierLinks;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * A payment order as the merchant sees it. {@code cashierUrl}: the hosted cashier page of the order,
 * where its payer pays (a CASHIER order) or sees how it stands; the token in it is the only key to the
 * page, so it goes to the payer only.
 */
public record PaymentResponse(String id, String merchantOrderNo, long amount, String currency, String subject,
                              PaymentMethod paymentMethod, PaymentOrderState state, String failureCode,
                              String failureMessage, String payUrl, Instant createdAt, Instant updatedAt,
                              Instant expiresAt, Instant finishedAt, String cashierUrl) {

    static PaymentResponse of(PaymentOrderView v, UriInfo uri) {
        return new PaymentResponse(v.id(), v.merchantOrderNo(), v.amountMinor(), v.currency(), v.subject(),
                v.paymentMethod(), v.state(), v.failureCode(), v.failureMessage(), v.payUrl(), v.createdAt(),
                v.updatedAt(), v.expiresAt(), v.finishedAt(), cashierUrl(uri, v.cashierToken()));
    }

    /** The cashier page beside the API: same scheme, host and port as the request (always HTTPS). */
    static String cashierUrl(UriInfo uri, String token) {
        return token == null ? null : uri.getBaseUriBuilder().replacePath(CashierLinks.PAGE).replaceQuery(null)
                .queryParam(CashierLinks.TOKEN_PARAMETER, token).build().toString();
    }
}
