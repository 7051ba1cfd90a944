package io.payrail.web.api.payer;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.order.application.AttemptView;
import io.payrail.order.application.PayerOrderQuery;
import io.payrail.order.application.PaymentOrderView;
import io.payrail.order.application.PaymentPage;
import io.payrail.payer.CodeOutcome;
import io.payrail.payer.PayerDirectory;
import io.payrail.payer.PayerLogin;
import io.payrail.payer.PayerOrders;
import io.payrail.payer.SignInOutcome;
import io.payrail.refund.RefundView;
import io.payrail.web.api.payments.Cursor;
import io.payrail.web.api.payments.PaymentsResource;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.payer.PayerSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /api/payer/v1}: the payer API (docs/payers.md). A call is the payer's when it bears
 * {@code Authorization: Bearer <token>} from {@code POST sessions}, or comes with the browser's
 * signed-in payer session; anything else is 401 PAYER_UNAUTHORIZED. Failed sign-ins count towards
 * the same lock-out as on the sign-in page.
 */
@Path("/payer/v1")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PayerApiResource {

    private static final String BEARER = "Bearer ";
    static final int MAX_SEARCH = 100;

    @Inject
    private PayerDirectory payers;

    @Inject
    private PayerOrders payerOrders;

    @Inject
    @ConfigProperty(name = "payrail.payer.lockout.minutes", defaultValue = "15")
    int lockoutMinutes;

    @Context
    private HttpServletRequest request;

    @Context
    private HttpHeaders headers;

    /**
     * Registers (or registers again, for an account never confirmed) and sends the code; the answer's
     * {@code registration} goes with the code to confirm the account.
     */
    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid PayerCredentials r) {
        PayerDirectory.Registration registration = payers.register(r.login(), r.password());
        PayerLogin login = registration.login();
        return Response.status(202).entity(Json.createObjectBuilder().add("login", login.value())
                .add("codeSentBy", login.kind() == PayerLogin.Kind.EMAIL ? "EMAIL" : "SMS")
                .add("registration", registration.secret()).build()).build();
    }

    /** Confirms a registration with its code. */
    @POST
    @Path("registrations/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject verify(@NotNull @Valid PayerCodeRequest r) {
        // separate transactions: a wrong code is counted even though the answer is an error
        CodeOutcome outcome = payers.verify(r.login(), r.code(), r.registration());
        requireAccepted(outcome);
        return Json.createObjectBuilder().add("payerId", outcome.payerId()).add("verified", true).build();
    }

    /** Signs in: a bearer token, shown once. */
    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(@NotNull @Valid PayerCredentials r) {
        SignInOutcome outcome = payers.signIn(r.login(), r.password());
        switch (outcome.status()) {
            case OK -> { }
            case LOCKED -> throw new PayrailException(ErrorCode.PAYER_LOCKED, "too many failed sign-ins: the account is"
                    + " locked for " + lockoutMinutes + " minutes; wait, or reset the password with a one-time code");
            case NOT_VERIFIED -> throw new PayrailException(ErrorCode.PAYER_NOT_VERIFIED, "confirm the account first"
                    + " with the code sent at registration (POST registrations/verification); register again for a"
                    + " new code");
            default -> throw new PayrailException(ErrorCode.PAYER_UNAUTHORIZED, "the login or the password is wrong;"
                    + " check both (accounts lock after repeated failures)");
        }
        PayerDirectory.IssuedToken issued = payers.issueToken(outcome.payerId());
        return Response.status(201).entity(Json.createObjectBuilder().add("token", issued.token())
                .add("tokenType", "Bearer").add("payerId", outcome.payerId())
                .add("expiresAt", issued.expiresAt().toString()).build()).build();
    }

    /** Signs out: ends the token this call bears (or the browser session). */
    @DELETE
    @Path("sessions/current")
    public Response signOut() {
        payer();
        Optional<String> token = bearer();
        if (token.isPresent()) {
            payers.revokeToken(token.get());
        } else {
            PayerSessions.signOut(request);
        }
        return Response.noContent().build();
    }

    /** The payer's orders, newest first; {@code q} searches the subject and the merchant's order number. */
    @GET
    @Path("orders")
    public JsonObject orders(@QueryParam("state") String state, @QueryParam("q") String text,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        long payerId = payer();
        if (text != null && text.length() > MAX_SEARCH) {
            throw new InvalidFieldException("q", "must be at most " + MAX_SEARCH + " characters");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor);
        PaymentPage page = payerOrders.search(payerId, new PayerOrderQuery(PaymentsResource.parseState(state), null,
                text == null || text.isBlank() ? null : text.strip(), PaymentsResource.parseLimit(limit),
                after == null ? null : after.createdAt(), after == null ? null : after.id()));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(o -> items.add(order(o)));
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        if (page.hasMore() && !page.items().isEmpty()) {
            PaymentOrderView last = page.items().get(page.items().size() - 1);
            body.add("nextCursor", new Cursor(last.createdAt(), last.id()).encode());
        }
        return body.build();
    }

    /** One of the payer's orders with its attempts, refunds and history; anyone else's is 404. */
    @GET
    @Path("orders/{id}")
    public JsonObject order(@PathParam("id") String id) {
        PayerOrders.Detail detail = payerOrders.detail(payer(), id).orElseThrow(() -> new PayrailException(
                ErrorCode.PAYMENT_NOT_FOUND, "no order " + id + " among yours; list your orders (GET orders) for their ids"));
        JsonArrayBuilder attempts = Json.createArrayBuilder();
        for (AttemptView a : detail.attempts()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("attemptNo", a.attemptNo())
                    .add("method", a.payerMethod().name()).add("state", a.state().name())
                    .add("createdAt", a.createdAt().toString());
            optional(b, "instrument", a.instrument());
            optional(b, "failureCode", a.failureCode());
            attempts.add(b);
        }
        JsonArrayBuilder refunds = Json.createArrayBuilder();
        for (RefundView r : detail.refunds()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", r.id()).add("amount", r.amountMinor())
                    .add("currency", r.currency()).add("state", r.state().name())
                    .add("createdAt", r.createdAt().toString());
            optional(b, "finishedAt", r.finishedAt());
            refunds.add(b);
        }
        JsonArrayBuilder history = Json.createArrayBuilder();
        for (PayerOrders.Change c : detail.history()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("at", c.at().toString()).add("to", c.to());
            optional(b, "from", c.from());
            history.add(b);
        }
        return Json.createObjectBuilder(order(detail.order())).add("attempts", attempts).add("refunds", refunds)
                .add("history", history).build();
    }

    private static JsonObject order(PaymentOrderView o) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", o.id()).add("merchantId", o.merchantId())
                .add("merchantOrderNo", o.merchantOrderNo()).add("subject", o.subject()).add("amount", o.amountMinor())
                .add("currency", o.currency()).add("state", o.state().name()).add("createdAt", o.createdAt().toString())
                .add("updatedAt", o.updatedAt().toString());
        optional(b, "method", o.payerMethod() == null ? null : o.payerMethod().name());
        optional(b, "finishedAt", o.finishedAt());
        return b.build();
    }

    private static void optional(JsonObjectBuilder b, String name, Object value) {
        if (value != null) {
            b.add(name, value.toString());
        }
    }

    /** The calling payer: the bearer token's, else the browser session's. */
    private long payer() {
        Optional<String> token = bearer();
        Optional<Long> payer = token.isPresent() ? payers.authenticate(token.get()) : PayerSessions.current(request);
        return payer.orElseThrow(() -> new PayrailException(ErrorCode.PAYER_UNAUTHORIZED, token.isPresent()
                ? "the token is unknown, expired or ended; sign in again (POST /api/payer/v1/sessions)"
                : "sign in first: POST /api/payer/v1/sessions with your login and password, then send"
                + " Authorization: Bearer <token>"));
    }

    private Optional<String> bearer() {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(BEARER) ? Optional.of(header.substring(BEARER.length()).strip())
                : Optional.empty();
    }

    private static void requireAccepted(CodeOutcome outcome) {
        if (outcome.status() != CodeOutcome.Status.ACCEPTED) {
            throw new PayrailException(ErrorCode.PAYER_CODE_INVALID, outcome.status() == CodeOutcome.Status.WRONG
                    ? "the code is wrong; check it and send it again"
                    : "the code is no longer valid (used, expired or too many wrong tries); register again for a new one");
        }
    }
}
