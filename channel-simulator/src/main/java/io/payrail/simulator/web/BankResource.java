package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.bank.BankAnswer;
import io.payrail.simulator.bank.CloseResult;
import io.payrail.simulator.bank.PaymentRequest;
import io.payrail.simulator.bank.PaymentResult;
import io.payrail.simulator.bank.QueryAnswer;
import io.payrail.simulator.bank.RefundAnswer;
import io.payrail.simulator.bank.RefundResult;
import io.payrail.simulator.bank.TransferAnswer;
import io.payrail.simulator.bank.TransferResult;
import io.payrail.simulator.channel.ChannelException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The merchant-facing API of the SIMBANK-style banks (see PROTOCOL.md): payments, close, refunds,
 * their queries, the daily statement and transfers (payouts); SIMBANK's under {@code /sim/bank/v1},
 * SIMBANK2's under {@code /sim/bank2/v1}. One
 * protocol, so one class: the first path segment picks the bank ({@link SimulatorRuntime#bankAt}).
 *
 * <p>Answers are delayed on a scheduler instead of a sleeping request thread: a simulated 30 s
 * timeout under load must not exhaust the server's HTTP threads and slow every other request down
 * with it.
 */
@ApplicationScoped
@Path("{bank: bank|bank2}/v1")
@Produces(MediaType.APPLICATION_JSON)
public class BankResource {

    /** Sent with every injected failure: the request never reached the bank. */
    static final String PROCESSED_HEADER = "Sim-Processed";

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
    public void pay(@PathParam("bank") String path, String body, @Suspended AsyncResponse async) {
        submit(async, runtime.bankAt(path), bank -> {
            PaymentRequest request = JsonBodies.paymentRequest(body);
            BankAnswer answer = bank.pay(request);
            return new Delayed(toResponse(answer, request.merchantRef()), answer.delayMillis());
        });
    }

    /**
     * The merchant's status query: the decision on a reference (or its close), never a new charge.
     * Answered at once; fails only when the operator put {@code QUERY} in {@code failOperations}.
     */
    @GET
    @Path("payments/{merchantRef}")
    public Response find(@PathParam("bank") String path, @PathParam("merchantRef") String merchantRef) {
        return queried(runtime.bankAt(path).query(merchantRef), JsonBodies::state,
                "no payment with merchantRef " + merchantRef);
    }

    /**
     * Close: fences a reference that was not charged so that no pay request can charge it later;
     * refuses a charged one. Answered at once, like a query: the failure plan does not apply.
     */
    @POST
    @Path("payments/{merchantRef}/close")
    public Response close(@PathParam("bank") String path, @PathParam("merchantRef") String merchantRef) {
        Bank bank = runtime.bankAt(path);
        try {
            CloseResult result = bank.close(merchantRef);
            if (result.closed()) {
                return JsonBodies.ok(JsonBodies.closed(result));
            }
            return JsonBodies.error(409, "ORDER_PAID", "merchantRef " + merchantRef + " was charged (transactionId "
                    + result.decision().transactionId() + ") and cannot be closed");
        } catch (InvalidRequestException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        } catch (UncheckedIOException e) {
            // the journal could not be written, so the reference was not closed
            return journalFailure(bank, e);
        }
    }

    /** Refund: like pay, no {@code @Consumes}, the same failure plan and the same delayed answer. */
    @POST
    @Path("refunds")
    public void refund(@PathParam("bank") String path, String body, @Suspended AsyncResponse async) {
        submit(async, runtime.bankAt(path), bank -> {
            RefundAnswer answer = bank.refund(JsonBodies.refundRequest(body));
            return new Delayed(toResponse(answer), answer.delayMillis());
        });
    }

    /**
     * The merchant's refund query: the decision on a refundRef, never a new refund. Answered at
     * once, like {@link #find}.
     */
    @GET
    @Path("refunds/{refundRef}")
    public Response findRefund(@PathParam("bank") String path, @PathParam("refundRef") String refundRef) {
        return queried(runtime.bankAt(path).queryRefund(refundRef), result -> JsonBodies.refund(result, false),
                "no refund with refundRef " + refundRef);
    }

    /**
     * The statement of one UTC day: CSV, the format every channel shares (PROTOCOL.md). Answered at
     * once; fails only when the operator put {@code STATEMENT} in {@code failOperations}.
     */
    @GET
    @Path("statements/{date}")
    @Produces("text/csv; charset=UTF-8")
    public Response statement(@PathParam("bank") String path, @PathParam("date") String date) {
        LocalDate day;
        try {
            day = Statements.day(date);
        } catch (ChannelException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        }
        QueryAnswer<String> answer = runtime.bankAt(path).statement(day);
        if (answer.failed()) {
            return injectedFailure(answer.failStatus());
        }
        return Response.ok(answer.found().orElseThrow(), "text/csv; charset=UTF-8").build();
    }

    /**
     * Transfer (payout): money from the sender to a beneficiary's account, once per transferRef.
     * Like pay: no {@code @Consumes}, the same failure plan ({@code TRANSFER}) and a delayed answer.
     */
    @POST
    @Path("transfers")
    public void transfer(@PathParam("bank") String path, String body, @Suspended AsyncResponse async) {
        submit(async, runtime.bankAt(path), bank -> {
            TransferAnswer answer = bank.transfer(JsonBodies.transferRequest(body));
            return new Delayed(toResponse(answer), answer.delayMillis());
        });
    }

    /** The transfer query: the decision on a transferRef, never a new transfer. Answered at once. */
    @GET
    @Path("transfers/{transferRef}")
    public Response findTransfer(@PathParam("bank") String path, @PathParam("transferRef") String transferRef) {
        return queried(runtime.bankAt(path).queryTransfer(transferRef), result -> JsonBodies.transfer(result, false),
                "no transfer with transferRef " + transferRef);
    }

    /**
     * Decides a pay, refund or transfer request and answers after its delay; a request that breaks
     * the rules is a 400, one the journal could not record a 500 that recorded and moved nothing.
     */
    private void submit(AsyncResponse async, Bank bank, Function<Bank, Delayed> work) {
        Delayed answer;
        try {
            answer = work.apply(bank);
        } catch (InvalidRequestException e) {
            answer = new Delayed(JsonBodies.error(400, "INVALID_REQUEST", e.getMessage()), 0);
        } catch (UncheckedIOException e) {
            answer = new Delayed(journalFailure(bank, e), 0);
        }
        answerAfter(async, answer.response(), answer.delayMillis());
    }

    /** A query's answer: the decision, the protocol's 404, or an injected failure. */
    private static <T> Response queried(QueryAnswer<T> answer, Function<T, JsonObject> json, String notFound) {
        if (answer.failed()) {
            return injectedFailure(answer.failStatus());
        }
        return answer.found().map(found -> JsonBodies.ok(json.apply(found)))
                .orElseGet(() -> JsonBodies.error(404, "NOT_FOUND", notFound));
    }

    /** An answer and how long to hold it back. */
    private record Delayed(Response response, long delayMillis) {
    }

    private static Response toResponse(TransferAnswer answer) {
        TransferResult result = answer.result();
        return switch (answer.effect()) {
            case DECIDED -> JsonBodies.ok(JsonBodies.transfer(result, false));
            case DUPLICATE -> JsonBodies.ok(JsonBodies.transfer(result, true));
            case REF_REUSED -> JsonBodies.error(409, "TRANSFER_REF_REUSED", "transferRef " + result.transferRef()
                    + " was already used for " + result.amount() + " " + result.currency() + " to "
                    + result.beneficiaryAccount());
            case INJECTED_FAILURE -> injectedFailure(answer.failStatus());
            case ORDER_CLOSED -> throw new IllegalStateException("a transfer is never refused as closed");
        };
    }

    private static Response journalFailure(Bank bank, UncheckedIOException e) {
        LOG.log(Level.SEVERE, bank.channelId() + " journal write failed", e);
        return JsonBodies.error(500, "SYSTEM_ERROR", "the bank could not record the request");
    }

    private static Response toResponse(BankAnswer answer, String merchantRef) {
        PaymentResult result = answer.result();
        return switch (answer.effect()) {
            case DECIDED -> JsonBodies.ok(JsonBodies.result(result, false));
            case DUPLICATE -> JsonBodies.ok(JsonBodies.result(result, true));
            case REF_REUSED -> JsonBodies.error(409, "MERCHANT_REF_REUSED", "merchantRef "
                    + result.merchantRef() + " was already used for " + result.requestedAmount() + " "
                    + result.requestedCurrency());
            case ORDER_CLOSED -> JsonBodies.error(409, "ORDER_CLOSED", "merchantRef " + merchantRef
                    + " is closed and can no longer be paid");
            case INJECTED_FAILURE -> injectedFailure(answer.failStatus());
        };
    }

    private static Response toResponse(RefundAnswer answer) {
        RefundResult result = answer.result();
        return switch (answer.effect()) {
            case DECIDED -> JsonBodies.ok(JsonBodies.refund(result, false));
            case DUPLICATE -> JsonBodies.ok(JsonBodies.refund(result, true));
            case REF_REUSED -> JsonBodies.error(409, "REFUND_REF_REUSED", "refundRef " + result.refundRef()
                    + " was already used for " + result.requestedAmount() + " " + result.requestedCurrency()
                    + " of merchantRef " + result.merchantRef());
            case INJECTED_FAILURE -> injectedFailure(answer.failStatus());
            case ORDER_CLOSED -> throw new IllegalStateException("a refund is never refused for a closed order");
        };
    }

    /** Answered in front of the bank: nothing was processed, whatever the status tells a client. */
    private static Response injectedFailure(int status) {
        return Response.fromResponse(
                        JsonBodies.error(status, "INJECTED_FAILURE", "simulated failure (HTTP " + status + ")"))
                .header(PROCESSED_HEADER, "false")
                .build();
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
