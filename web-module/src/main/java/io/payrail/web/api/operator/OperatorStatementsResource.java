package io.payrail.web.api.operator;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.discrepancy.DiscrepancyView;
import io.payrail.reconciliation.ReconClass;
import io.payrail.reconciliation.ReconciliationRuns;
import io.payrail.reconciliation.StatementImport;
import io.payrail.reconciliation.StatementImports;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * {@code /api/operator/statements} and {@code /api/operator/reconciliation}: fetch and import a
 * channel's statement of one day on demand, reconcile an imported day. Both are idempotent: a
 * second import of the same file and a second reconciliation of a day change nothing.
 */
@AllowedRoles({StaffRole.FINANCE})
@Path("/operator")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorStatementsResource {

    @Inject
    private StatementImports imports;

    @Inject
    private ReconciliationRuns runs;

    @POST
    @Path("statements/{channel}/{day}/import")
    public JsonObject importDay(@PathParam("channel") String channel, @PathParam("day") String day) {
        StatementImport result = imports.fetchAndImport(channel, OperatorParams.day("day", day));
        if (result.refused()) {
            throw new PayrailException(ErrorCode.STATEMENT_REFUSED, "statement of " + channel + " for " + day
                    + " (version " + result.version() + ", sha256 " + result.sha256() + ") refused: " + result.error());
        }
        return result.toJson();
    }

    @POST
    @Path("reconciliation/{channel}/{day}")
    public JsonObject reconcile(@PathParam("channel") String channel, @PathParam("day") String day) {
        ReconciliationRuns.DayReconciliation r = runs.run(channel, OperatorParams.day("day", day));
        JsonObjectBuilder classes = Json.createObjectBuilder();
        for (Map.Entry<ReconClass, Long> e : r.classes().entrySet()) {
            classes.add(e.getKey().name(), e.getValue());
        }
        JsonArrayBuilder cases = Json.createArrayBuilder();
        r.cases().stream().map(DiscrepancyView::toJson).forEach(cases::add);
        return Json.createObjectBuilder().add("channel", r.channelId()).add("day", r.day().toString())
                .add("movements", r.movements()).add("classes", classes).add("cases", cases).build();
    }
}
