package io.payrail.simulator.web;

import io.payrail.simulator.InvalidRequestException;
import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.bank.TransferBook;
import io.payrail.simulator.channel.ChannelException;
import io.payrail.simulator.channel.StatementDiffs;
import io.payrail.simulator.fault.FailureSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * The simulator's own controls for the SIMBANK-style banks, for tests and operators: what a bank
 * charged, refunded, closed and transferred, which failures to inject next, and which differences
 * its statement of a day is to show. SIMBANK's under
 * {@code /sim/admin/...}, SIMBANK2's under {@code /sim/admin/bank2/...} (the optional
 * {@code /bank2} picks the bank); the signed channels have theirs under {@code /sim/admin/channels}.
 * Not part of any bank's protocol; unauthenticated, so the simulator belongs on a loopback or test
 * network only.
 */
@ApplicationScoped
@Path("admin{bank: (/bank2)?}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    SimulatorRuntime runtime;

    @GET
    @Path("config")
    public Response config(@PathParam("bank") String path) {
        return JsonBodies.ok(JsonBodies.settings(bank(path).failures().settings()));
    }

    /** Changes only the fields given; answers the whole plan as it now stands. */
    @PUT
    @Path("config")
    public Response configure(@PathParam("bank") String path, String body) {
        try {
            FailureSettings settings = bank(path).failures().update(JsonBodies.failureUpdate(body));
            return JsonBodies.ok(JsonBodies.settings(settings));
        } catch (IllegalArgumentException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        }
    }

    /** Back to the defaults; the charge record is kept unless {@code records=true}. */
    @POST
    @Path("reset")
    public Response reset(@PathParam("bank") String path, @QueryParam("records") boolean records) {
        Bank bank = bank(path);
        FailureSettings settings = bank.failures().reset();
        bank.statementDiffs().clear();
        if (records) {
            bank.book().clear();
            bank.transfers().clear();
        }
        return JsonBodies.ok(Json.createObjectBuilder()
                .add("config", JsonBodies.settings(settings))
                .add("recordsCleared", records)
                .build());
    }

    @GET
    @Path("charges")
    public Response totals(@PathParam("bank") String path) {
        return JsonBodies.ok(JsonBodies.totals(bank(path).book().totals()));
    }

    /** Always 200: a reference the bank never saw has 0 requests and 0 charges. */
    @GET
    @Path("charges/{merchantRef}")
    public Response charges(@PathParam("bank") String path, @PathParam("merchantRef") String merchantRef) {
        Bank bank = bank(path);
        return JsonBodies.ok(JsonBodies.tally(bank.book().tally(merchantRef), bank.find(merchantRef).orElse(null)));
    }

    /** The statement differences injected for one UTC day (none: every member empty). */
    @GET
    @Path("statement-diffs/{date}")
    public Response statementDiff(@PathParam("bank") String path, @PathParam("date") String date) {
        return withDay(date, day -> JsonBodies.ok(StatementDiffJson.write(bank(path).statementDiffs().of(day))));
    }

    /** Replaces the day's statement differences; answers them with the extra lines' ids. */
    @PUT
    @Path("statement-diffs/{date}")
    public Response injectStatementDiff(@PathParam("bank") String path, @PathParam("date") String date, String body) {
        return withDay(date, day -> {
            try {
                return JsonBodies.ok(StatementDiffJson.write(bank(path).statementDiffs().put(day,
                        StatementDiffJson.read(body))));
            } catch (InvalidRequestException e) {
                return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
            }
        });
    }

    @DELETE
    @Path("statement-diffs/{date}")
    public Response removeStatementDiff(@PathParam("bank") String path, @PathParam("date") String date) {
        return withDay(date, day -> JsonBodies.ok(StatementDiffJson.write(bank(path).statementDiffs().put(day,
                StatementDiffs.DayDiff.NONE))));
    }

    /** Transfers in all: what was paid to whom, how many times. */
    @GET
    @Path("transfers")
    public Response transfers(@PathParam("bank") String path) {
        TransferBook.Totals totals = bank(path).transfers().totals();
        JsonArrayBuilder beneficiaries = Json.createArrayBuilder();
        totals.beneficiaries().forEach(b -> beneficiaries.add(Json.createObjectBuilder().add("account", b.account())
                .add("currency", b.currency()).add("transfers", b.transfers()).add("amount", b.amount())));
        return JsonBodies.ok(Json.createObjectBuilder().add("refs", totals.refs())
                .add("totalRequests", totals.requests()).add("totalExecutions", totals.executions())
                .add("refsExecutedMoreThanOnce", totals.refsExecutedMoreThanOnce())
                .add("beneficiaries", beneficiaries).build());
    }

    /** Always 200: a reference the bank never saw has 0 requests and 0 executions. */
    @GET
    @Path("transfers/{transferRef}")
    public Response transfer(@PathParam("bank") String path, @PathParam("transferRef") String transferRef) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        bank(path).transfers().record(transferRef).forEach((k, v) -> {
            if (v instanceof Long n) {
                json.add(k, n);
            } else {
                json.add(k, String.valueOf(v));
            }
        });
        return JsonBodies.ok(json.build());
    }

    private static Response withDay(String date, Function<LocalDate, Response> work) {
        try {
            return work.apply(Statements.day(date));
        } catch (ChannelException e) {
            return JsonBodies.error(400, "INVALID_REQUEST", e.getMessage());
        }
    }

    /** {@code ""} (SIMBANK) or {@code "/bank2"} (SIMBANK2), as the class path captured it. */
    private Bank bank(String path) {
        return runtime.bankAt(path.isEmpty() ? "bank" : path.substring(1));
    }
}
