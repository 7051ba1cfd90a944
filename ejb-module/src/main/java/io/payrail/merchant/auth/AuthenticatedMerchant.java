package io.payrail.merchant.auth;

/** A merchant whose request verified: who, with which key, and under which nonce. */
public record AuthenticatedMerchant(String merchantId, String keyId, String nonce) {
}
