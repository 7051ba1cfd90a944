/**
 * The hosted cashier: the page a payer opens from the merchant's {@code cashierUrl} to pay an order
 * (Jakarta Faces, HTTPS only, English and Chinese). Card data entered here goes to the card channel
 * from this request and is never stored, logged or queued.
 */
package io.payrail.web.cashier;
