package io.payrail.web.cashier;

import io.payrail.cashier.CashierPayments;
import io.payrail.cashier.CashierPayments.CashierResult;
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

    private String token;
    private PaymentOrderView order;
    /** The last attempt's result, as a message key of the bundle; null before any. */
    private String resultKey;
    private String resultDetail;

    private transient String cardNumber;
    private transient String expiry;
    private transient String cvv;
    private transient String holder;

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
        return show(payments.pay(token, PaymentMethod.BANK_CARD, card, payerId()));
    }

    /** Pays from the wallet: the payer confirms on the wallet's page (or scans its QR code there). */
    public String payWithWallet() throws IOException {
        return show(payments.pay(token, PaymentMethod.WALLET, null, payerId()));
    }

    /** The signed-in payer (the payment is then theirs, in "my orders"), or null for a guest. */
    private static String payerId() {
        return PayerSessions.current((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).map(String::valueOf).orElse(null);
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
        FacesContext faces = FacesContext.getCurrentInstance();
        return ResourceBundle.getBundle(BUNDLE, faces.getViewRoot() == null ? faces.getApplication().getDefaultLocale()
                : faces.getViewRoot().getLocale()).getString(key);
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
}
