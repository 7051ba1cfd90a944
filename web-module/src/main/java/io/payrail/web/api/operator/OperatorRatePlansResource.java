package io.payrail.web.api.operator;

import io.payrail.fee.FeeTerms;
import io.payrail.fee.RatePlanView;
import io.payrail.fee.RatePlans;
import io.payrail.fee.RefundPolicy;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.security.OperatorContext;
import io.payrail.web.backoffice.StaffActions;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/operator/rate-plans}: define a plan (never changed afterwards: a new price is a new
 * plan with a later effectiveFrom), list a merchant's plans.
 */
@Path("/operator/rate-plans")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorRatePlansResource {

    @Inject
    private RatePlans plans;

    @Inject
    private OperatorContext operator;

    @Inject
    private StaffActions actions;

    @POST
    @AllowedRoles({StaffRole.FINANCE, StaffRole.ADMIN})
    public Response define(@NotNull @Valid RatePlanRequest r) {
        FeeTerms terms;
        try {
            terms = new FeeTerms(r.rateBps(), r.fixedMinor(), r.minMinor() == null ? 0 : r.minMinor(), r.maxMinor(),
                    r.refundPolicy() == null ? RefundPolicy.PRO_RATA : r.refundPolicy());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("maxMinor", "must be at least minMinor");
        }
        RatePlans.Defined defined = actions.audited(operator.actor(), "RATE_PLAN_DEFINED", r.merchantId(),
                () -> plans.define(r.merchantId(), r.paymentMethod(), r.currency(),
                        OperatorParams.day("effectiveFrom", r.effectiveFrom()), terms, operator.operatorId()));
        return Response.status(defined.created() ? 201 : 200).entity(defined.plan().toJson()).build();
    }

    @GET
    @AllowedRoles({StaffRole.OPERATIONS, StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    public JsonObject list(@QueryParam("merchantId") String merchantId) {
        if (merchantId == null || merchantId.isBlank()) {
            throw new InvalidFieldException("merchantId", "is required: a merchant id, or * for the plans of every merchant");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        plans.of(merchantId).stream().map(RatePlanView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }
}
