/** {@code /api/v1/payments}: create a payment order and read it back. */
package io.payrail.web.api.payments;
