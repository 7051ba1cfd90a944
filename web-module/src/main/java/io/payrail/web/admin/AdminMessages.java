package io.payrail.web.admin;

import io.payrail.common.PayrailException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The back office's texts (bundle io.payrail.web.admin.messages, en and zh) for messages set in code. */
@RequestScoped
public class AdminMessages {

    static final String BUNDLE = "io.payrail.web.admin.messages";

    public String format(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
        return new MessageFormat(ResourceBundle.getBundle(BUNDLE, locale).getString(key), locale).format(args);
    }

    public void info(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                format(key, args), null));
    }

    /** A business refusal, shown with its detail (which says what to do next). */
    public void refused(PayrailException e) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                e.code() + ": " + e.detail(), null));
    }

    public void error(String key, Object... args) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                format(key, args), null));
    }
}
