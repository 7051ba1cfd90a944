/**
 * Verification of what the platform signs: responses of {@code /api/v1/**} and of the SOAP
 * gateway, and merchant notifications. All carry {@code Payrail-Timestamp}, {@code Payrail-Nonce},
 * {@code Payrail-Key-Id} and {@code Payrail-Signature} (and {@code Payrail-Signature-Algorithm}); the
 * signature is SHA256withRSA or SHA256withECDSA, as the certificate's key is RSA or EC P-256, over the
 * {@link io.payrail.sdk.verification.PlatformSignedText}, which binds a response to the merchant and
 * the request nonce it answers and a notification to its merchant, checked with the platform
 * certificate of that key id. A message that fails any check must not be acted on: the failure
 * says why and what to do in a {@link io.payrail.sdk.verification.SignatureVerificationException}.
 */
package io.payrail.sdk.verification;
