package io.payrail.web.api.operator;

import io.payrail.common.ErrorCode;
import io.payrail.common.Money;
import io.payrail.common.PayrailException;
import io.payrail.discrepancy.ChannelDiscrepancy;
import io.payrail.discrepancy.DiscrepancyCases;
import io.payrail.discrepancy.DiscrepancyView;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import io.payrail.web.api.security.OperatorContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code /api/operator/cases}: discrepancy cases and their maker-checker resolution. One operator
 * proposes ({@code POST {id}/proposal}), another approves or rejects; the proposer's own approval
 * or rejection is refused (403 SELF_APPROVAL_FORBIDDEN).
 */
@AllowedRoles({StaffRole.FINANCE})
@Path("/operator/cases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorCasesResource {

    @Inject
    private DiscrepancyCases cases;

    @Inject
    private OperatorContext operator;

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    public JsonObject list(@QueryParam("state") String state, @QueryParam("limit") String limit) {
        ChannelDiscrepancy.State wanted;
        try {
            wanted = ChannelDiscrepancy.State.valueOf(state == null ? "OPEN" : state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "state must be OPEN, PROPOSED, PARKED or RESOLVED");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        cases.list(wanted, OperatorParams.limit(limit, 100, 1000)).stream().map(DiscrepancyView::toJson)
                .forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return json(cases.get(id));
    }

    @POST
    @Path("{id}/proposal")
    public JsonObject propose(@PathParam("id") String id, @NotNull @Valid CaseProposal proposal) {
        return json(cases.propose(id, operator.operatorId(), proposal.resolution(), proposal.reason()));
    }

    @POST
    @Path("{id}/approval")
    public JsonObject approve(@PathParam("id") String id) {
        return json(cases.approve(id, operator.operatorId()));
    }

    @POST
    @Path("{id}/rejection")
    public JsonObject reject(@PathParam("id") String id, @Valid CaseDecision decision) {
        return json(cases.reject(id, operator.operatorId(), decision == null ? null : decision.note()));
    }

    private static JsonObject json(DiscrepancyCases.CaseDetail detail) {
        JsonArrayBuilder suspense = Json.createArrayBuilder();
        for (Money m : detail.inSuspense()) {
            suspense.add(Json.createObjectBuilder().add("amount", m.minorUnits()).add("currency", m.currencyCode()));
        }
        JsonArrayBuilder resolutions = Json.createArrayBuilder();
        detail.resolutions().forEach(r -> resolutions.add(r.name()));
        return Json.createObjectBuilder(detail.view().toJson()).add("inSuspense", suspense)
                .add("resolutions", resolutions).build();
    }
}
