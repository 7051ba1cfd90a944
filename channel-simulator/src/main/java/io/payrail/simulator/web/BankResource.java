package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.bank.BankAnswer;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.RefundAnswer;
import io.payrail.simulator.bank.RefundRequest;
import io.payrail.simulator.bank.RefundResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * SIMBANK's merchant-facing API (see PROTOCOL.md): payments and refunds. Answers are delayed on a
 * scheduler instead of a sleeping request thread: a simulated 30 s timeout under load must not
 * exhaust the server's HTTP threads and slow every other request down with it.
 */
@ApplicationScoped
@Path("bank/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BankResource {

    private static final Logger LOG = Logger.getLogger(BankResource.class.getName());
    /** Holds a suspended request a little longer than its delay, past any container default. */
    private static final long SUSPEND_GRACE_MS = 60_000;

    @Inject
    SimulatorRuntime runtime;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    /** Pay: no {@code @Consumes}, so a caller that forgets the content type still gets a JSON answer. */
    @POST
    @Path("payments")
    public void pay(String body, @Suspended AsyncResponse async) {
        Response response;
        long delayMillis = 0;
        try {
            PaymentRequest request = JsonBodies.paymentRequest(body);
            BankAnswer answer = runtime.simBank().pay(request);
            response = toResponse(answer);
            delayMillis = answer.delayMillis();
        } catch (InvalidRequestException e) {
            response = JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        } catch (UncheckedIOException e) {
            // the journal could not be written, so nothing was recorded or charged
            LOG.log(Level.SEVERE, "SIMBANK journal write failed", e);
            response = JsonBodies.error(500, "SYSTEM_ERROR", "the bank could not record the request");
        }
        answerAfter(async, response, delayMillis);
    }

    /** The merchant's status query: the decision on a reference, never a new charge. */
    @GET
    @Path("payments/{merchantRef}")
    public Response find(@PathParam("merchantRef") String merchantRef) {
        return runtime.simBank().find(merchantRef)
                .map(result -> JsonBodies.ok(JsonBodies.result(result, false)))
                .orElseGet(() -> JsonBodies.error(404, "NOT_FOUND", "no payment with merchantRef " + merchantRef));
    }

    /** Refund: like pay, no {@code @Consumes}, the same failure plan and the same delayed answer. */
    @POST
    @Path("refunds")
    public void refund(String body, @Suspended AsyncResponse async) {
        Response response;
        long delayMillis = 0;
        try {
            RefundRequest request = JsonBodies.refundRequest(body);
            RefundAnswer answer = runtime.simBank().refund(request);
            response = toResponse(answer);
            delayMillis = answer.delayMillis();
        } catch (InvalidRequestException e) {
            response = JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        } catch (UncheckedIOException e) {
            // the journal could not be written, so nothing was recorded or refunded
            LOG.log(Level.SEVERE, "SIMBANK journal write failed", e);
            response = JsonBodies.error(500, "SYSTEM_ERROR", "the bank could not record the request");
        }
        answerAfter(async, response, delayMillis);
    }

    /** The merchant's refund query: the decision on a refundRef, never a new refund. */
    @GET
    @Path("refunds/{refundRef}")
    public Response findRefund(@PathParam("refundRef") String refundRef) {
        return runtime.simBank().findRefund(refundRef)
                .map(result -> JsonBodies.ok(JsonBodies.refund(result, false)))
                .orElseGet(() -> JsonBodies.error(404, "NOT_FOUND", "no refund with refundRef " + refundRef));
    }

    private static Response toResponse(BankAnswer answer) {
        return switch (answer.effect()) {
            case DECIDED -> JsonBodies.ok(JsonBodies.result(answer.result(), false));
            case DUPLICATE -> JsonBodies.ok(JsonBodies.result(answer.result(), true));
            case REF_REUSED -> JsonBodies.error(409, "MERCHANT_REF_REUSED", "merchantRef "
                    + answer.result().merchantRef() + " was already used for " + answer.result().amount() + " "
                    + answer.result().currency());
            case INJECTED_FAILURE -> injectedFailure(answer.failStatus());
        };
    }

    private static Response toResponse(RefundAnswer answer) {
        RefundResult result = answer.result();
        return switch (answer.effect()) {
            case DECIDED -> JsonBodies.ok(JsonBodies.refund(result, false));
            case DUPLICATE -> JsonBodies.ok(JsonBodies.refund(result, true));
            case REF_REUSED -> JsonBodies.error(409, "REFUND_REF_REUSED", "refundRef " + result.refundRef()
                    + " was already used for " + result.amount() + " " + result.currency() + " of merchantRef "
                    + result.merchantRef());
            case INJECTED_FAILURE -> injectedFailure(answer.failStatus());
        };
    }

    private static Response injectedFailure(int status) {
        return JsonBodies.error(status, "INJECTED_FAILURE", "simulated failure (HTTP " + status + ")");
    }

    private void answerAfter(AsyncResponse async, Response response, long delayMillis) {
        if (delayMillis <= 0) {
            async.resume(response);
            return;
        }
        async.setTimeout(delayMillis + SUSPEND_GRACE_MS, TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> async.resume(response), delayMillis, TimeUnit.MILLISECONDS);
    }
}
