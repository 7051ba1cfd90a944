package io.payrail.web.api.security;

import jakarta.enterprise.context.RequestScoped;

/** The merchant the current request authenticated as; resources act for this merchant only. */
@RequestScoped
public class MerchantContext {

    private String merchantId;

    void authenticated(String id) {
        this.merchantId = id;
    }

    public String merchantId() {
        if (merchantId == null) {
            throw new IllegalStateException("no authenticated merchant on this request");
        }
        return merchantId;
    }
}
