package io.payrail.web.api.security;

import jakarta.enterprise.context.RequestScoped;

/** The operator the current operator-API request authenticated as: "admin" or a named operator. */
@RequestScoped
public class OperatorContext {

    private String operatorId;

    void authenticated(String id) {
        this.operatorId = id;
    }

    public String operatorId() {
        if (operatorId == null) {
            throw new IllegalStateException("no authenticated operator on this request");
        }
        return operatorId;
    }
}
