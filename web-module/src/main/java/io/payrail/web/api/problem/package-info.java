/**
 * Errors as RFC 9457 {@code application/problem+json}: one mapper per exception family, each
 * turning a failure into a stable {@link io.payrail.common.ErrorCode} and an HTTP status. No
 * mapper ever returns a stack trace.
 */
package io.payrail.web.api.problem;
