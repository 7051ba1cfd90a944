package io.payrail.web.payer;

import io.payrail.web.faces.FacesTexts;
import jakarta.enterprise.context.RequestScoped;

/** The payer pages' texts (bundle io.payrail.web.payer.messages, en and zh) for messages set in code. */
@RequestScoped
public class PayerTexts extends FacesTexts {

    static final String BUNDLE = "io.payrail.web.payer.messages";

    @Override
    protected String bundle() {
        return BUNDLE;
    }
}
