/**
 * {@code /api/v1/settlements}: a merchant's settlements and each one's lines as CSV, signed like
 * every v1 answer.
 */
package io.payrail.web.api.settlements;
