package io.payrail.web.soap;

import io.payrail.audit.TransitionSource;
import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.merchant.auth.AuthorizationHeader;
import io.payrail.merchant.auth.RequestAuthenticator;
import io.payrail.order.application.CreatePaymentResult;
import io.payrail.order.application.PaymentIntake;
import io.payrail.order.application.PaymentOrderService;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.application.PaymentPage;
import io.payrail.order.application.PaymentQuery;
import io.payrail.order.domain.PaymentOrderState;
import io.payrail.refund.CreateRefundCommand;
import io.payrail.refund.RefundIntake;
import io.payrail.refund.RefundService;
import io.payrail.refund.RefundView;
import io.payrail.web.api.payments.CreatePaymentRequest;
import io.payrail.web.api.payments.CreateRefundRequest;
import io.payrail.web.api.payments.Cursor;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.problem.Problem;
import io.payrail.web.cashier.CashierLinks;
import io.payrail.web.soap.v1.Authentication;
import io.payrail.web.soap.v1.ClosePaymentRequest;
import io.payrail.web.soap.v1.ClosePaymentResponse;
import io.payrail.web.soap.v1.CreatePaymentResponse;
import io.payrail.web.soap.v1.CreateRefundResponse;
import io.payrail.web.soap.v1.GetPaymentRequest;
import io.payrail.web.soap.v1.GetPaymentResponse;
import io.payrail.settlement.Settlements;
import io.payrail.web.soap.v1.GetRefundRequest;
import io.payrail.web.soap.v1.GetSettlementRequest;
import io.payrail.web.soap.v1.GetSettlementResponse;
import io.payrail.web.soap.v1.ListSettlementsRequest;
import io.payrail.web.soap.v1.ListSettlementsResponse;
import io.payrail.web.soap.v1.GetRefundResponse;
import io.payrail.web.soap.v1.Payment;
import io.payrail.web.soap.v1.PaymentGateway;
import io.payrail.web.soap.v1.PayrailFault_Exception;
import io.payrail.web.soap.v1.SearchPaymentsRequest;
import io.payrail.web.soap.v1.SearchPaymentsResponse;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gateway's SOAP endpoint, at {@code /soap/v1/gateway} (see WEB-INF/web.xml). Each operation:
 * authenticate the gw:Authentication header over the canonical payload, validate with the REST
 * API's constraints, call the payment server, map back; every refusal is a fault with a
 * PayrailFault detail carrying the REST API's error code. What may reach it at all (HTTPS, size,
 * UTF-8, no DOCTYPE) {@link SoapRequestGuard} decides first.
 */
@WebService(serviceName = "PaymentGatewayService", portName = "PaymentGatewayPort",
        targetNamespace = "urn:payrail:gateway:v1", endpointInterface = "io.payrail.web.soap.v1.PaymentGateway",
        wsdlLocation = "WEB-INF/wsdl/payrail-gateway.wsdl")
public class PaymentGatewayEndpoint implements PaymentGateway {

    private static final Logger LOG = Logger.getLogger(PaymentGatewayEndpoint.class.getName());

    @Inject
    private RequestAuthenticator authenticator;

    @Inject
    private PaymentIntake intake;

    @Inject
    private PaymentOrderService orders;

    @Inject
    private RefundIntake refundIntake;

    @Inject
    private RefundService refunds;

    @Inject
    private Validator validator;

    @Inject
    private Settlements settlements;

    @Inject
    private io.payrail.channel.PaymentResolver resolver;

    // the request's servlet attributes carry the answer's binding to SoapResponseSigner
    @Resource
    private WebServiceContext soapContext;

    /** The payment as SOAP shows it, with its cashier page beside this endpoint (same host and port, HTTPS). */
    private Payment payment(PaymentOrderView v) {
        Payment p = SoapMapping.payment(v);
        HttpServletRequest request = (HttpServletRequest) soapContext.getMessageContext().get(MessageContext.SERVLET_REQUEST);
        if (v.cashierToken() != null && request != null) {
            p.setCashierUrl(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                    + CashierLinks.PAGE + "?" + CashierLinks.TOKEN_PARAMETER + "=" + v.cashierToken());
        }
        return p;
    }

    @Override
    public CreatePaymentResponse createPayment(io.payrail.web.soap.v1.CreatePaymentRequest r, Authentication auth)
            throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("createPayment", auth, new SoapCanonical().put("merchantOrderNo",
                    r.getMerchantOrderNo()).put("amount", r.getAmount()).put("currency", r.getCurrency())
                    .put("subject", r.getSubject()).put("paymentMethod", r.getPaymentMethod())
                    .put("expiresInSeconds", r.getExpiresInSeconds()));
            CreatePaymentRequest request = valid(new CreatePaymentRequest(r.getMerchantOrderNo(), r.getAmount(),
                    r.getCurrency(), r.getSubject(), r.getPaymentMethod() == null ? null
                    : io.payrail.order.domain.PaymentMethod.valueOf(r.getPaymentMethod().name()), r.getExpiresInSeconds(),
                    null));
            CreatePaymentResult result = intake.create(request.command(merchant));
            CreatePaymentResponse response = new CreatePaymentResponse();
            response.setPayment(payment(result.order()));
            response.setCreated(result.created());
            return response;
        });
    }

    @Override
    public GetPaymentResponse getPayment(GetPaymentRequest r, Authentication auth) throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("getPayment", auth, new SoapCanonical().put("paymentId", r.getPaymentId())
                    .put("merchantOrderNo", r.getMerchantOrderNo()));
            exactlyOne("paymentId", r.getPaymentId(), "merchantOrderNo", r.getMerchantOrderNo());
            PaymentOrderView order = (r.getPaymentId() != null
                    ? orders.findForMerchant(merchant, r.getPaymentId())
                    : orders.findByMerchantOrderNo(merchant, r.getMerchantOrderNo()))
                    .orElseThrow(() -> new PayrailException(ErrorCode.PAYMENT_NOT_FOUND, "no such payment"));
            GetPaymentResponse response = new GetPaymentResponse();
            response.setPayment(payment(order));
            return response;
        });
    }

    @Override
    public SearchPaymentsResponse searchPayments(SearchPaymentsRequest r, Authentication auth)
            throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("searchPayments", auth, new SoapCanonical().put("state", r.getState())
                    .put("createdFrom", r.getCreatedFrom()).put("createdTo", r.getCreatedTo())
                    .put("limit", r.getLimit()).put("cursor", r.getCursor()));
            int limit = r.getLimit() == null ? 20 : r.getLimit();
            if (limit < 1 || limit > 100) {
                throw new PayrailException(ErrorCode.VALIDATION_FAILED, "limit must be from 1 to 100");
            }
            Cursor after = r.getCursor() == null ? null : Cursor.decode(r.getCursor());
            PaymentPage page = orders.search(merchant, new PaymentQuery(
                    r.getState() == null ? null : PaymentOrderState.valueOf(r.getState().name()),
                    r.getCreatedFrom() == null ? null : SoapCanonical.instant(r.getCreatedFrom()),
                    r.getCreatedTo() == null ? null : SoapCanonical.instant(r.getCreatedTo()), limit,
                    after == null ? null : after.createdAt(), after == null ? null : after.id()));
            SearchPaymentsResponse response = new SearchPaymentsResponse();
            page.items().forEach(v -> response.getPayment().add(payment(v)));
            if (page.hasMore() && !page.items().isEmpty()) {
                PaymentOrderView last = page.items().get(page.items().size() - 1);
                response.setNextCursor(new Cursor(last.createdAt(), last.id()).encode());
            }
            return response;
        });
    }

    @Override
    public ClosePaymentResponse closePayment(ClosePaymentRequest r, Authentication auth) throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("closePayment", auth, new SoapCanonical().put("paymentId", r.getPaymentId()));
            required("paymentId", r.getPaymentId());
            ClosePaymentResponse response = new ClosePaymentResponse();
            response.setPayment(payment(resolver.closeForMerchant(merchant, r.getPaymentId())));
            return response;
        });
    }

    @Override
    public CreateRefundResponse createRefund(io.payrail.web.soap.v1.CreateRefundRequest r, Authentication auth)
            throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("createRefund", auth, new SoapCanonical().put("paymentId", r.getPaymentId())
                    .put("merchantRefundNo", r.getMerchantRefundNo()).put("amount", r.getAmount())
                    .put("reason", r.getReason()));
            required("paymentId", r.getPaymentId());
            CreateRefundRequest request = valid(new CreateRefundRequest(r.getMerchantRefundNo(), r.getAmount(),
                    r.getReason()));
            RefundService.RefundResult result = refundIntake.create(new CreateRefundCommand(merchant, r.getPaymentId(),
                    request.merchantRefundNo(), request.amount(), request.reason()));
            CreateRefundResponse response = new CreateRefundResponse();
            response.setRefund(SoapMapping.refund(result.refund()));
            response.setCreated(result.created());
            return response;
        });
    }

    @Override
    public GetRefundResponse getRefund(GetRefundRequest r, Authentication auth) throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("getRefund", auth, new SoapCanonical().put("refundId", r.getRefundId())
                    .put("merchantRefundNo", r.getMerchantRefundNo()));
            exactlyOne("refundId", r.getRefundId(), "merchantRefundNo", r.getMerchantRefundNo());
            RefundView refund = (r.getRefundId() != null ? refunds.find(merchant, r.getRefundId())
                    : refunds.findByMerchantRefundNo(merchant, r.getMerchantRefundNo()))
                    .orElseThrow(() -> new PayrailException(ErrorCode.REFUND_NOT_FOUND, "no such refund"));
            GetRefundResponse response = new GetRefundResponse();
            response.setRefund(SoapMapping.refund(refund));
            return response;
        });
    }

    @Override
    public ListSettlementsResponse listSettlements(ListSettlementsRequest r, Authentication auth)
            throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("listSettlements", auth, new SoapCanonical().put("limit", r.getLimit()));
            int limit = r.getLimit() == null ? 20 : r.getLimit();
            if (limit < 1 || limit > 100) {
                throw new PayrailException(ErrorCode.VALIDATION_FAILED, "limit must be from 1 to 100");
            }
            ListSettlementsResponse response = new ListSettlementsResponse();
            settlements.ofMerchant(merchant, limit).forEach(v -> response.getSettlement().add(SoapMapping.settlement(v)));
            return response;
        });
    }

    @Override
    public GetSettlementResponse getSettlement(GetSettlementRequest r, Authentication auth)
            throws PayrailFault_Exception {
        return call(() -> {
            String merchant = authenticate("getSettlement", auth, new SoapCanonical()
                    .put("settlementId", r.getSettlementId()));
            required("settlementId", r.getSettlementId());
            GetSettlementResponse response = new GetSettlementResponse();
            response.setSettlement(SoapMapping.settlement(settlements.getFor(merchant, r.getSettlementId())));
            settlements.lines(merchant, r.getSettlementId()).forEach(l -> response.getLine().add(SoapMapping.line(l)));
            return response;
        });
    }

    private String authenticate(String operation, Authentication auth, SoapCanonical payload) {
        SoapResponseSigner.bind(soapContext, auth == null ? null : auth.getMerchantId(),
                auth == null ? null : auth.getNonce());
        if (auth == null) {
            throw new PayrailException(ErrorCode.AUTH_MISSING, "send the gw:Authentication SOAP header (docs/soap.md)");
        }
        AuthorizationHeader header = AuthorizationHeader.of(auth.getAlgorithm(), auth.getMerchantId(), auth.getKeyId(),
                Long.toString(auth.getTimestamp()), auth.getNonce(), auth.getSignature());
        return authenticator.authenticate(header, "SOAP", operation, payload.bytes()).merchantId();
    }

    private <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new SoapValidationException(violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        return request;
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new SoapValidationException(List.of(new Problem.FieldError(name, "must not be blank")));
        }
    }

    private static void exactlyOne(String a, String aValue, String b, String bValue) {
        if ((aValue == null) == (bValue == null)) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "give exactly one of " + a + " and " + b);
        }
    }

    /**
     * Runs an operation; every failure leaves as a fault with a PayrailFault detail (SoapFaults:
     * soap:Client when the caller must change the request), never as a stack trace.
     */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SoapValidationException e) {
            throw SoapFaults.exception(ErrorCode.VALIDATION_FAILED, e.getMessage(), e.errors());
        } catch (PayrailException e) {
            throw SoapFaults.exception(e.code(), e.detail(), e instanceof InvalidFieldException f ? List.of(f.error())
                    : List.of());
        } catch (RuntimeException e) {
            if (io.payrail.web.api.problem.Outages.isOutage(e)) {
                LOG.warning(() -> "SOAP: the database is unavailable (" + io.payrail.web.api.problem.Outages.describe(e) + ")");
                throw SoapFaults.exception(ErrorCode.SERVICE_UNAVAILABLE, "Payrail's database is not reachable right"
                        + " now; retry in " + io.payrail.web.api.problem.Outages.RETRY_AFTER_SECONDS
                        + " s with the same merchant order or refund number: nothing was decided", List.of());
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "SOAP incident " + incident, e);
            throw SoapFaults.exception(ErrorCode.INTERNAL_ERROR, "incident " + incident
                    + ": retry with the same merchant order or refund number", List.of());
        }
    }
}
