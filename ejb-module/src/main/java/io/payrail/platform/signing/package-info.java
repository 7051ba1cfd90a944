/**
 * The platform's own signing keys: every response and notification to a merchant is signed with
 * one, and merchants verify with the matching certificate from {@code /api/v1/platform/certificates}.
 */
package io.payrail.platform.signing;
