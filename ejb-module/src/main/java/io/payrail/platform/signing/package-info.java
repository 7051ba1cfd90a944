/**
 * The platform's own signing keys and what they sign: every response and notification to a
 * merchant is signed with one over a text bound to its merchant (and, for a response, to the nonce
 * of the request it answers), and merchants verify with the matching certificate from
 * {@code /api/v1/platform/certificates}.
 */
package io.payrail.platform.signing;
