package io.payrail.merchant.auth;

import io.payrail.common.ErrorCode;
import io.payrail.merchant.Merchant;
import io.payrail.merchant.MerchantPublicKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides whether a request comes from the merchant it names, in this order: header well formed;
 * timestamp within the window; merchant and key known; signature valid (made with the algorithm
 * the request names, which must be the key's: a mismatch is refused as a bad signature); merchant not suspended;
 * nonce unused; rate limit not exceeded. The nonce is spent and the request counted only once the
 * signature verified, so forged requests can neither burn a merchant's nonces nor its quota.
 *
 * <p>All of it is one short transaction of its own on one connection: the two reads, the nonce and
 * the count commit together (once per request, not once per step), and independently of what the
 * request then does, so a nonce stays spent even if the request fails.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RequestAuthenticator {

    @Inject
    private MerchantCredentials credentials;

    @Inject
    private NonceRegistry nonces;

    @Inject
    private RateLimiter rateLimiter;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "payrail.auth.max-clock-skew-seconds", defaultValue = "300")
    long maxSkewSeconds;

    /** @throws AuthenticationException with the precise reason when the request must be refused */
    public AuthenticatedMerchant authenticate(SignedRequest request) {
        return authenticate(AuthorizationHeader.parse(request.authorization()), request.method(),
                request.requestTarget(), request.body());
    }

    /**
     * The same checks for credentials that did not come as an HTTP header (the SOAP binding signs
     * {@code SOAP\n<operation>\ntimestamp\nnonce\n<payload>\n}).
     */
    public AuthenticatedMerchant authenticate(AuthorizationHeader header, String method, String requestTarget,
                                              byte[] body) {
        long skew = header.timestamp() - clock.instant().getEpochSecond();
        if (Math.abs(skew) > maxSkewSeconds) {
            throw new AuthenticationException(ErrorCode.AUTH_TIMESTAMP_SKEW, "the timestamp is " + Math.abs(skew)
                    + " s " + (skew > 0 ? "ahead of" : "behind") + " Payrail's clock (at most " + maxSkewSeconds
                    + " s allowed); sign with the current time and keep your clock synchronised (NTP)");
        }
        Merchant merchant = credentials.merchant(header.merchantId()).orElseThrow(() -> new AuthenticationException(
                ErrorCode.AUTH_MERCHANT_UNKNOWN, "no merchant " + header.merchantId()));
        MerchantPublicKeys.Parsed key = credentials.activeKey(header.merchantId(), header.keyId()).orElseThrow(() ->
                new AuthenticationException(ErrorCode.AUTH_KEY_UNKNOWN, "merchant " + header.merchantId()
                        + " has no active key '" + header.keyId() + "'; use a registered key id"));
        byte[] canonical = CanonicalRequest.bytes(method, requestTarget, header.timestamp(), header.nonce(), body);
        if (header.algorithm() != key.algorithm()
                || !key.algorithm().verifies(key.key(), canonical, header.signature())) {
            throw new AuthenticationException(ErrorCode.AUTH_SIGNATURE_INVALID, "the signature does not match this"
                    + " request; sign " + ("SOAP".equals(method)
                    ? "SOAP\\n<operation>\\ntimestamp\\nnonce\\n<payload>\\n (docs/soap.md)"
                    : "METHOD\\nREQUEST_TARGET\\ntimestamp\\nnonce\\nBODY\\n (docs/authentication.md has a worked example)")
                    + " with the private key of " + header.keyId() + ", naming its algorithm ("
                    + key.algorithm().token() + ")");
        }
        if (!merchant.isActive()) {
            throw new AuthenticationException(ErrorCode.MERCHANT_SUSPENDED, "merchant " + merchant.id()
                    + " is suspended; contact Payrail support");
        }
        if (!nonces.claim(merchant.id(), header.nonce())) {
            throw new AuthenticationException(ErrorCode.AUTH_NONCE_REUSED, "nonce " + header.nonce()
                    + " was already used; every request needs a fresh nonce");
        }
        RateLimiter.Decision decision = rateLimiter.acquire(merchant.id(), merchant.rateLimitPerMinute());
        if (!decision.allowed()) {
            throw new RateLimitedException("more than " + merchant.rateLimitPerMinute()
                    + " requests this minute; retry after " + decision.retryAfterSeconds() + " s",
                    decision.retryAfterSeconds());
        }
        return new AuthenticatedMerchant(merchant.id(), header.keyId(), header.nonce());
    }
}
