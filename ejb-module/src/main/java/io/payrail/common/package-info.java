/**
 * Shared value types and the error model: {@link io.payrail.common.Money}, identifiers, the stable
 * {@link io.payrail.common.ErrorCode} list and the exception every business rule throws.
 */
package io.payrail.common;
