package io.payrail.merchant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A merchant as operators see it, with its keys (public parts only). */
public record MerchantView(String id, String name, MerchantStatus status, String notifyUrl, int rateLimitPerMinute,
                           Map<String, Long> currencyLimits, List<KeyView> keys, Instant createdAt) {

    /** A registered key: id, algorithm token, fingerprint, status; never more. */
    public record KeyView(String keyId, String algorithm, String fingerprint, MerchantKey.Status status,
                          Instant createdAt, Instant revokedAt) {
        static KeyView of(MerchantKey k) {
            return new KeyView(k.keyId(), k.algorithm().token(), k.fingerprint(), k.status(), k.createdAt(),
                    k.revokedAt());
        }
    }

    static MerchantView of(Merchant m, List<MerchantKey> keys) {
        return new MerchantView(m.id(), m.name(), m.status(), m.notifyUrl(), m.rateLimitPerMinute(),
                new TreeMap<>(m.currencyLimits()), keys.stream().map(KeyView::of).toList(), m.createdAt());
    }
}
