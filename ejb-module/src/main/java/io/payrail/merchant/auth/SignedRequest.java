package io.payrail.merchant.auth;

/** What the gateway read off an HTTP request, for {@link RequestAuthenticator}. */
public record SignedRequest(String authorization, String method, String requestTarget, byte[] body) {
}
