/**
 * The merchant-facing REST gateway under {@code /api}. Resources are thin: validate, map to a
 * command, call the payment server's service, map the view back. Errors leave as
 * {@code application/problem+json} through the mappers in {@code problem}.
 */
package io.payrail.web.api;
