/**
 * The OpenAPI contract at {@code /openapi}: Payara's MicroProfile OpenAPI endpoint serves the
 * hand-written META-INF/openapi.yaml; this package only makes its media types right.
 */
package io.payrail.web.openapi;
