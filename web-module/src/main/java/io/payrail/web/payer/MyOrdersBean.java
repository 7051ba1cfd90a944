package io.payrail.web.payer;

import io.payrail.common.Money;
import io.payrail.order.application.PayerOrderQuery;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.application.PaymentPage;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.payer.PayerDirectory;
import io.payrail.payer.PayerOrders;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * "My orders": the signed-in payer's orders, newest first, {@value #PAGE_SIZE} a page, searched by
 * state and by text (subject or the merchant's order number). Pages go forward by keyset and back
 * by the keys already seen.
 */
@Named
@ViewScoped
public class MyOrdersBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 10;

    @Inject
    private PayerOrders payerOrders;

    @Inject
    private PayerDirectory payers;

    private String state;
    private String text;
    private List<PaymentOrderView> items = List.of();
    private boolean hasMore;
    /** The key each shown page started after (null: the first page). */
    private final Deque<Key> previous = new ArrayDeque<>();
    private Key current;

    private record Key(Instant createdAt, String id) implements Serializable {
    }

    /** On the first GET and after every search: the first page. */
    public void load() {
        previous.clear();
        current = null;
        read();
    }

    public void search() {
        load();
    }

    public void nextPage() {
        if (hasMore && !items.isEmpty()) {
            previous.push(current == null ? new Key(null, null) : current);
            PaymentOrderView last = items.get(items.size() - 1);
            current = new Key(last.createdAt(), last.id());
            read();
        }
    }

    public void previousPage() {
        if (!previous.isEmpty()) {
            Key key = previous.pop();
            current = key.createdAt() == null ? null : key;
            read();
        }
    }

    private void read() {
        PaymentOrderState wanted = state == null || state.isBlank() ? null : PaymentOrderState.valueOf(state);
        String search = text == null || text.isBlank() ? null : text.strip();
        PaymentPage page = payerOrders.search(payerId(), new PayerOrderQuery(wanted, null, search, PAGE_SIZE,
                current == null ? null : current.createdAt(), current == null ? null : current.id()));
        items = page.items();
        hasMore = page.hasMore();
    }

    static long payerId() {
        return PayerSessions.current((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest()).orElseThrow();
    }

    /** Who is signed in, for the page's greeting. */
    public String getLogin() {
        return payers.find(payerId()).map(l -> l.value()).orElse("");
    }

    /** An amount in major units at its currency's scale (never a double). */
    public static String amount(long minor, String currency) {
        return Money.ofMinor(minor, currency).toDecimal().toPlainString() + " " + currency;
    }

    public String amountOf(PaymentOrderView order) {
        return amount(order.amountMinor(), order.currency());
    }

    public PaymentOrderState[] getStates() {
        return PaymentOrderState.values();
    }

    public List<PaymentOrderView> getItems() {
        return items;
    }

    public boolean isHasMore() {
        return hasMore;
    }

    public boolean isHasPrevious() {
        return !previous.isEmpty();
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
