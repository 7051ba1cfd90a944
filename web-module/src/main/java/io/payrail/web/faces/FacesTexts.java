package io.payrail.web.faces;

import io.payrail.common.PayrailException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** An area's texts (its bundle, en and zh) for messages set in code, in the page's language. */
public abstract class FacesTexts {

    /** The base name of the area's bundle. */
    protected abstract String bundle();

    public String format(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Locale locale = faces == null || faces.getViewRoot() == null ? Locale.ENGLISH : faces.getViewRoot().getLocale();
        return new MessageFormat(ResourceBundle.getBundle(bundle(), locale).getString(key), locale).format(args);
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
