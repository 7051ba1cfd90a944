package io.payrail.simulator.web;

import io.payrail.simulator.bank.Bank;
import io.payrail.simulator.fault.FailureSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The simulator's own controls for the SIMBANK-style banks, for tests and operators: what a bank
 * charged, refunded and closed, and which failures to inject next. SIMBANK's under
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
        if (records) {
            bank.book().clear();
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

    /** {@code ""} (SIMBANK) or {@code "/bank2"} (SIMBANK2), as the class path captured it. */
    private Bank bank(String path) {
        return runtime.bankAt(path.isEmpty() ? "bank" : path.substring(1));
    }
}
