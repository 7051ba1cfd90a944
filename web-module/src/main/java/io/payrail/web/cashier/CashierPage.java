package io.payrail.web.cashier;

import io.payrail.cashier.CashierPayments;
import io.payrail.cashier.CashierPayments.CashierResult;
import io.payrail.cashier.CashierQuickPay;
import io.payrail.cashier.QuickPayException;
import io.payrail.common.PayrailException;
import io.payrail.methods.SavedMethod;
import io.payrail.methods.SavedMethods;
import io.payrail.channel.ChannelOutcome;
import io.payrail.common.Currencies;
import io.payrail.instrument.CardDetails;
import io.payrail.instrument.InvalidCardException;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.domain.PaymentMethod;
import io.payrail.order.domain.PaymentOrderState;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import io.payrail.web.payer.PayerSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The cashier page of one order, found by the token of its {@code cashierUrl}. The card fields are
 * transient and emptied after every attempt: a card never stays in the session or the view state.
 */
@Named
@ViewScoped
public class CashierPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String BUNDLE = "io.payrail.web.cashier.messages";

    @Inject
    private PaymentOrderService orders;

    @Inject
    private CashierPayments payments;

    @Inject
    private CashierQuickPay quickPay;

    @Inject
    private SavedMethods savedMethods;

    private String token;
    private PaymentOrderView order;
    /** The last attempt's result, as a message key of the bundle; null before any. */
    private String resultKey;
    private String resultDetail;

    private transient String cardNumber;
    private transient String expiry;
    private transient String cvv;
    private transient String holder;
    private boolean saveCard;

    /** The saved card or quick-pay agreement chosen (a method id; {@link #BOUND_HERE} for a guest's agreement). */
    private String savedCardId;
    private String agreementChoice;
    private transient String savedCvv;

    /** Quick pay: the binding waiting for its code, and the agreement bound on this page (no card in either). */
    private CashierQuickPay.Binding binding;
    private CashierQuickPay.Agreement boundHere;
    private String codeSentTo;
    /**
     * QUICKPAY's id of the agreement the last code was texted for. Shown in the page (an attribute)
     * like a transaction id: it pays nothing without the code that only the payer's phone receives,
     * and it lets a test read that code from the simulator's "SMS" (quickpay.md §3.3).
     */
    private String sentForAgreement;
    private transient String qpCardNumber;
    private transient String qpExpiry;
    private transient String qpPhone;
    private transient String otp;
    private transient String bindOtp;

    /** The choice that names the agreement a guest bound on this page. */
    static final String BOUND_HERE = "bound-here";

    /** On the first GET: the order of the token, or 404 when there is none. */
    public void load() {
        order = token == null ? null : orders.findByCashierToken(token).orElse(null);
        if (order == null) {
            // the page says so, with a 404: the link is wrong or old, never a sign that a payment exists
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Pays with the card typed on the page. */
    public String payWithCard() throws IOException {
        CardDetails card;
        try {
            card = CardDetails.of(cardNumber, expiry, cvv, holder, Clock.systemUTC());
        } catch (InvalidCardException e) {
            error(text("card.invalid." + e.reason().name()));
            return null;
        } finally {
            forgetCard();
        }
        return show(payments.payWithCard(token, card, payer(), saveCard));
    }

    /** Pays with a saved card and the security code typed again (it is never saved). */
    public String payWithSavedCard() throws IOException {
        Long payer = payer();
        String cvvTyped = savedCvv;
        savedCvv = null;
        if (payer == null) {
            error(text("saved.signedOut"));
            return null;
        }
        try {
            return show(payments.payWithSavedCard(token, payer, savedCardId, cvvTyped));
        } catch (InvalidCardException e) {
            error(text("card.invalid." + e.reason().name()));
            return null;
        } catch (PayrailException e) {
            error(text("saved.unknown"));
            return null;
        }
    }

    /** Quick pay, first step: the card and phone go to QUICKPAY, which texts the payer a code. */
    public String bindQuickPay() {
        CardDetails card;
        try {
            card = CardDetails.forBinding(qpCardNumber, qpExpiry, Clock.systemUTC());
        } catch (InvalidCardException e) {
            error(text("card.invalid." + e.reason().name()));
            return null;
        } finally {
            qpCardNumber = null;
            qpExpiry = null;
        }
        String phone = qpPhone == null ? "" : qpPhone.replaceAll("[\\s-]", "");
        qpPhone = null;
        if (!phone.matches("\\+?\\d{6,15}")) {
            error(text("qp.phoneInvalid"));
            return null;
        }
        try {
            binding = quickPay.bind(token, card, phone);
        } catch (QuickPayException e) {
            quickPayError(e);
        }
        return null;
    }

    /** Quick pay, second step: the code from the text message gives the agreement (saved for a signed-in payer). */
    public String confirmQuickPay() {
        String code = bindOtp;
        bindOtp = null;
        try {
            boundHere = quickPay.confirm(binding, code, payer());
            binding = null;
            agreementChoice = boundHere.methodId() != null ? boundHere.methodId() : BOUND_HERE;
        } catch (QuickPayException e) {
            if ("BIND_FAILED".equals(e.code()) || "OTP_EXPIRED".equals(e.code())) {
                binding = null;
            }
            quickPayError(e);
        }
        return null;
    }

    /** Quick pay with an agreement: QUICKPAY texts a code for this payment. */
    public String sendQuickPayCode() {
        String agreementId = chosenAgreementId();
        if (agreementId == null) {
            error(text("saved.unknown"));
            return null;
        }
        try {
            codeSentTo = quickPay.sendCode(token, agreementId);
            sentForAgreement = agreementId;
        } catch (QuickPayException e) {
            quickPayError(e);
        }
        return null;
    }

    /** Quick pay with the agreement and the code QUICKPAY texted for this payment. */
    public String payWithQuickPay() throws IOException {
        String code = otp;
        otp = null;
        codeSentTo = null;
        boolean guest = BOUND_HERE.equals(agreementChoice);
        try {
            return show(payments.payWithQuickPay(token, payer(), guest ? null : agreementChoice,
                    guest ? boundHere : null, code));
        } catch (PayrailException e) {
            error(text("saved.unknown"));
            return null;
        }
    }

    private String chosenAgreementId() {
        if (BOUND_HERE.equals(agreementChoice)) {
            return boundHere == null ? null : boundHere.agreementId();
        }
        Long payer = payer();
        return payer == null || agreementChoice == null ? null
                : savedMethods.find(payer, agreementChoice).map(SavedMethod::agreementId).orElse(null);
    }

    private void quickPayError(QuickPayException e) {
        String key = "qp.error." + e.code();
        String message = bundle().containsKey(key) ? text(key) : MessageFormat.format(text("qp.error.other"), e.code());
        if (e.attemptsLeft() != null) {
            message += " " + MessageFormat.format(text("qp.attemptsLeft"), e.attemptsLeft());
        }
        error(message);
    }

    /** The signed-in payer's saved cards (none for a guest). */
    public List<SavedMethod> getSavedCards() {
        return saved(SavedMethod.Kind.CARD);
    }

    /** The quick-pay agreements the payer may pay with: their saved ones, or the one bound on this page. */
    public List<SelectItem> getAgreements() {
        List<SelectItem> items = new ArrayList<>();
        for (SavedMethod m : saved(SavedMethod.Kind.QUICK_PAY)) {
            items.add(new SelectItem(m.id(), m.describe()));
        }
        if (boundHere != null && boundHere.methodId() == null) {
            items.add(new SelectItem(BOUND_HERE, boundHere.describe()));
        }
        return items;
    }

    private List<SavedMethod> saved(SavedMethod.Kind kind) {
        Long payer = payer();
        return payer == null ? List.of() : savedMethods.list(payer).stream().filter(m -> m.kind() == kind).toList();
    }

    /** Pays from the wallet: the payer confirms on the wallet's page (or scans its QR code there). */
    public String payWithWallet() throws IOException {
        return show(payments.pay(token, PaymentMethod.WALLET, null, payerId()));
    }

    /** The signed-in payer (the payment is then theirs, in "my orders"), or null for a guest. */
    private static String payerId() {
        Long payer = payer();
        return payer == null ? null : payer.toString();
    }

    /** The signed-in payer's id, or null for a guest: read afresh on every request (a sign-out elsewhere counts). */
    static Long payer() {
        return PayerSessions.current((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).orElse(null);
    }

    /** Whether a payer is signed in (the page offers sign-in to a guest). */
    public boolean isSignedIn() {
        return payerId() != null;
    }

    /** The sign-in page, coming back to this order's page afterwards. */
    public String getSignInUrl() {
        return PayerSessions.signInUrl(CashierLinks.PAGE + "?" + CashierLinks.TOKEN_PARAMETER + "=" + token);
    }

    private String show(CashierResult result) throws IOException {
        order = result.order();
        ChannelOutcome outcome = result.outcome();
        if (outcome == null) {
            resultKey = null;
            return null;
        }
        switch (outcome.status()) {
            case PENDING -> {
                if (outcome.payUrl() != null) {
                    // the card's issuer (or the wallet) asks the payer to confirm on its own page; the
                    // outcome reaches us by callback, and the payer comes back to this page
                    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
                    external.redirect(outcome.payUrl());
                    return null;
                }
                resultKey = "result.pending";
            }
            case DECLINED -> {
                resultKey = "result.declined";
                resultDetail = outcome.code();
                error(MessageFormat.format(text("result.declined"), outcome.code()));
            }
            case UNAVAILABLE -> {
                resultKey = "result.unavailable";
                error(text("result.unavailable"));
            }
            default -> resultKey = null;
        }
        return null;
    }

    /** Reads the order again (the page's "refresh" and after the payer's confirmation). */
    public void refresh() {
        orders.findByCashierToken(token).ifPresent(o -> order = o);
    }

    private void forgetCard() {
        cardNumber = null;
        expiry = null;
        cvv = null;
        holder = null;
    }

    /** Whether the payer may pay now: a CASHIER order waiting for its payer and not expired. */
    public boolean isPayable() {
        return order != null && order.payerChooses() && order.state() == PaymentOrderState.CREATED && !isExpired();
    }

    /** Unpaid past its time: still CREATED until the expiry job closes it, CLOSED after. */
    public boolean isExpired() {
        return order != null && (order.state() == PaymentOrderState.CREATED || order.state() == PaymentOrderState.CLOSED)
                && !Instant.now().isBefore(order.expiresAt());
    }

    /** The amount in major units at the currency's scale (never a double). */
    public String getAmount() {
        int scale = Currencies.require(order.currency()).getDefaultFractionDigits();
        return BigDecimal.valueOf(order.amountMinor(), Math.max(scale, 0)).toPlainString();
    }

    public long getSecondsLeft() {
        return Math.max(0, order.expiresAt().getEpochSecond() - Instant.now().getEpochSecond());
    }

    /** The message key of the order's state, for the payer. */
    public String getStateKey() {
        return order == null ? "cashier.notFound" : isExpired() ? "state.EXPIRED" : "state." + order.state().name();
    }

    private static String text(String key) {
        return bundle().getString(key);
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return ResourceBundle.getBundle(BUNDLE, faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale()
                : faces.getViewRoot().getLocale());
    }

    private static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public PaymentOrderView getOrder() {
        return order;
    }

    public String getResultKey() {
        return resultKey;
    }

    public String getResultDetail() {
        return resultDetail;
    }

    public String getCardNumber() {
        return null;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public String getExpiry() {
        return null;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }

    public String getCvv() {
        return null;
    }

    public void setCvv(String cvv) {
        this.cvv = cvv;
    }

    public String getHolder() {
        return null;
    }

    public void setHolder(String holder) {
        this.holder = holder;
    }

    public boolean isSaveCard() {
        return saveCard;
    }

    public void setSaveCard(boolean saveCard) {
        this.saveCard = saveCard;
    }

    /** The chosen saved card: the payer's default unless they chose another. */
    public String getSavedCardId() {
        if (savedCardId == null) {
            getSavedCards().stream().findFirst().ifPresent(m -> savedCardId = m.id());
        }
        return savedCardId;
    }

    public void setSavedCardId(String savedCardId) {
        this.savedCardId = savedCardId;
    }

    public String getAgreementChoice() {
        if (agreementChoice == null) {
            getAgreements().stream().findFirst().ifPresent(i -> agreementChoice = (String) i.getValue());
        }
        return agreementChoice;
    }

    public void setAgreementChoice(String agreementChoice) {
        this.agreementChoice = agreementChoice;
    }

    public String getSavedCvv() {
        return null;
    }

    public void setSavedCvv(String savedCvv) {
        this.savedCvv = savedCvv;
    }

    public CashierQuickPay.Binding getBinding() {
        return binding;
    }

    public String getCodeSentTo() {
        return codeSentTo;
    }

    public String getSentForAgreement() {
        return sentForAgreement;
    }

    public String getQpCardNumber() {
        return null;
    }

    public void setQpCardNumber(String qpCardNumber) {
        this.qpCardNumber = qpCardNumber;
    }

    public String getQpExpiry() {
        return null;
    }

    public void setQpExpiry(String qpExpiry) {
        this.qpExpiry = qpExpiry;
    }

    public String getQpPhone() {
        return null;
    }

    public void setQpPhone(String qpPhone) {
        this.qpPhone = qpPhone;
    }

    public String getOtp() {
        return null;
    }

    public void setOtp(String otp) {
        this.otp = otp;
    }

    public String getBindOtp() {
        return null;
    }

    public void setBindOtp(String bindOtp) {
        this.bindOtp = bindOtp;
    }
}
