package io.payrail.web.cashier;

import io.payrail.methods.SavedMethod;
import io.payrail.methods.SavedMethods;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.ResourceBundle;

/**
 * "My payment methods": the signed-in payer's saved cards and quick-pay agreements, to choose the
 * default and to remove. Every action names a method by id and acts only when it is the signed-in
 * payer's own, so a guessed id of another payer's method changes nothing. A guest is told to sign in
 * (401).
 */
@Named
@RequestScoped
public class MethodsPage {

    @Inject
    private SavedMethods methods;

    private List<SavedMethod> list;

    /** On GET: a guest gets 401 and the sign-in hint. */
    public void load() {
        if (CashierPage.payer() == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }

    public boolean isSignedIn() {
        return CashierPage.payer() != null;
    }

    public List<SavedMethod> getMethods() {
        Long payer = CashierPage.payer();
        if (list == null) {
            list = payer == null ? List.of() : methods.list(payer);
        }
        return list;
    }

    public String makeDefault(String methodId) {
        Long payer = CashierPage.payer();
        say(payer != null && methods.setDefault(payer, methodId), "methods.defaultSet");
        return null;
    }

    public String remove(String methodId) {
        Long payer = CashierPage.payer();
        say(payer != null && methods.remove(payer, methodId), "methods.removed");
        return null;
    }

    private void say(boolean done, String key) {
        list = null;
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle text = ResourceBundle.getBundle(CashierPage.BUNDLE, faces.getViewRoot().getLocale());
        faces.addMessage(null, done ? new FacesMessage(FacesMessage.SEVERITY_INFO, text.getString(key), null)
                : new FacesMessage(FacesMessage.SEVERITY_ERROR, text.getString("saved.unknown"), null));
    }
}
