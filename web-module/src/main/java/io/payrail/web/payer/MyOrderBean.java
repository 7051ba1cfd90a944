package io.payrail.web.payer;

import io.payrail.payer.PayerOrders;
import io.payrail.refund.RefundView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One of the payer's orders with its attempts, refunds and state changes. Any other order (another
 * payer's, a guest's, none) is answered 404 with the same page: nobody learns that it exists.
 */
@Named
@RequestScoped
public class MyOrderBean {

    @Inject
    private PayerOrders payerOrders;

    private String id;
    private PayerOrders.Detail detail;

    public void load() {
        detail = payerOrders.detail(MyOrdersBean.payerId(), id).orElse(null);
        if (detail == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    public String getAmount() {
        return MyOrdersBean.amount(detail.order().amountMinor(), detail.order().currency());
    }

    public String refundAmount(RefundView refund) {
        return MyOrdersBean.amount(refund.amountMinor(), refund.currency());
    }

    public PayerOrders.Detail getDetail() {
        return detail;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
