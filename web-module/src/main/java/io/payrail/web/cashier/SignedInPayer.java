package io.payrail.web.cashier;

import jakarta.faces.context.FacesContext;
import java.util.Map;

/**
 * The payer the accounts' sign-in put in the HTTP session (attribute {@value #ATTRIBUTE}, the payer's
 * id as a Long; removed at sign-out), or none for a guest. Read on every request: a payer who signs
 * out in another tab is a guest on the next click.
 */
final class SignedInPayer {

    /** The session attribute the payer accounts' sign-in sets. */
    static final String ATTRIBUTE = "io.payrail.payer.id";

    private SignedInPayer() {
    }

    /** The signed-in payer's id, or null for a guest. */
    static Long id() {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        return session.get(ATTRIBUTE) instanceof Long id ? id : null;
    }
}
