package io.payrail.order.application;

/** The order, and whether this call created it ({@code false}: an identical earlier request did). */
public record CreatePaymentResult(PaymentOrderView order, boolean created) {
}
