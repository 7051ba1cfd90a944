package io.payrail.web.soap;

import io.payrail.order.application.PaymentOrderView;
import io.payrail.refund.RefundView;
import io.payrail.web.soap.v1.Payment;
import io.payrail.web.soap.v1.PaymentMethod;
import io.payrail.web.soap.v1.PaymentState;
import io.payrail.web.soap.v1.Refund;
import io.payrail.web.soap.v1.RefundState;
import java.time.Instant;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import io.payrail.settlement.SettlementView;
import io.payrail.settlement.Settlements;
import io.payrail.web.soap.v1.Settlement;
import io.payrail.web.soap.v1.SettlementLine;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/** Views of the payment server as the SOAP contract's types. */
final class SoapMapping {

    private static final DatatypeFactory DATES;

    static {
        try {
            DATES = DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SoapMapping() {
    }

    static Payment payment(PaymentOrderView v) {
        Payment p = new Payment();
        p.setId(v.id());
        p.setMerchantOrderNo(v.merchantOrderNo());
        p.setAmount(v.amountMinor());
        p.setCurrency(v.currency());
        p.setSubject(v.subject());
        p.setPaymentMethod(PaymentMethod.valueOf(v.paymentMethod().name()));
        p.setState(PaymentState.valueOf(v.state().name()));
        p.setFailureCode(v.failureCode());
        p.setFailureMessage(v.failureMessage());
        p.setCreatedAt(date(v.createdAt()));
        p.setUpdatedAt(date(v.updatedAt()));
        p.setFinishedAt(date(v.finishedAt()));
        p.setPayUrl(v.payUrl());
        p.setExpiresAt(date(v.expiresAt()));
        return p;
    }

    static Refund refund(RefundView v) {
        Refund r = new Refund();
        r.setId(v.id());
        r.setPaymentId(v.paymentOrderId());
        r.setMerchantRefundNo(v.merchantRefundNo());
        r.setAmount(v.amountMinor());
        r.setCurrency(v.currency());
        r.setReason(v.reason());
        r.setState(RefundState.valueOf(v.state().name()));
        r.setFailureCode(v.failureCode());
        r.setFailureMessage(v.failureMessage());
        r.setCreatedAt(date(v.createdAt()));
        r.setUpdatedAt(date(v.updatedAt()));
        r.setFinishedAt(date(v.finishedAt()));
        return r;
    }

    static Settlement settlement(SettlementView v) {
        Settlement s = new Settlement();
        s.setId(v.id());
        s.setSettlementDay(DATES.newXMLGregorianCalendarDate(v.settlementDay().getYear(), v.settlementDay().getMonthValue(),
                v.settlementDay().getDayOfMonth(), javax.xml.datatype.DatatypeConstants.FIELD_UNDEFINED));
        s.setCurrency(v.currency());
        s.setState(v.state());
        s.setGross(v.grossMinor());
        s.setRefunds(v.refundsMinor());
        s.setFees(v.feesMinor());
        s.setAdjustments(v.adjustmentsMinor());
        s.setNet(v.netMinor());
        s.setLineCount(v.lines());
        s.setCreatedAt(date(v.createdAt()));
        s.setTransferId(v.transferId());
        s.setPaidAt(v.paidAt() == null ? null : date(v.paidAt()));
        s.setFailure(v.failure());
        return s;
    }

    static SettlementLine line(Settlements.LineView l) {
        SettlementLine line = new SettlementLine();
        line.setKind(l.kind());
        line.setReference(l.reference());
        line.setPaymentId(l.orderId());
        line.setTime(date(l.movedAt()));
        line.setGross(l.grossMinor());
        line.setFee(l.feeMinor());
        line.setNet(l.netMinor());
        return line;
    }

    static XMLGregorianCalendar date(Instant instant) {
        if (instant == null) {
            return null;
        }
        GregorianCalendar calendar = GregorianCalendar.from(instant.atZone(java.time.ZoneOffset.UTC));
        return DATES.newXMLGregorianCalendar(calendar);
    }
}
