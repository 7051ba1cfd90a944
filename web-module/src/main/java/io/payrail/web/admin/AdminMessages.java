package io.payrail.web.admin;

import io.payrail.web.faces.FacesTexts;
import jakarta.enterprise.context.RequestScoped;

/** The back office's texts (bundle io.payrail.web.admin.messages, en and zh) for messages set in code. */
@RequestScoped
public class AdminMessages extends FacesTexts {

    static final String BUNDLE = "io.payrail.web.admin.messages";

    @Override
    protected String bundle() {
        return BUNDLE;
    }
}
