/**
 * The payment order application services: the transaction boundaries that the gateway and the
 * channel side call. They take commands and return views; entities never leave this package.
 */
package io.payrail.order.application;
