package io.payrail.web.api.operator;

import io.payrail.settlement.SettlementPayouts;
import io.payrail.settlement.SettlementView;
import io.payrail.settlement.Settlements;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.problem.InvalidFieldException;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/operator/settlements}: set a merchant's schedule and payout account, make a day's
 * DRAFT batches, approve one, pay it out (repeatable: the bank moves the money at most once).
 */
@AllowedRoles({StaffRole.FINANCE})
@Path("/operator/settlements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorSettlementsResource {

    private static final Set<String> STATES = Set.of("DRAFT", "APPROVED", "PAID", "FAILED");

    @Inject
    private Settlements settlements;

    @Inject
    private SettlementPayouts payouts;

    @Inject
    private OperatorContext operator;

    @PUT
    @Path("accounts/{merchantId}")
    public JsonObject account(@PathParam("merchantId") String merchantId,
                              @NotNull @Valid SettlementAccountRequest r) {
        settlements.configure(merchantId, r.delayDays(), r.account(), r.name());
        return Json.createObjectBuilder().add("merchantId", merchantId).add("delayDays", r.delayDays())
                .add("account", r.account()).add("name", r.name()).build();
    }

    @POST
    @Path("runs/{day}")
    public JsonObject run(@PathParam("day") String day) {
        List<String> made = payouts.run(OperatorParams.day("day", day));
        JsonArrayBuilder items = Json.createArrayBuilder();
        made.stream().map(settlements::get).map(SettlementView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("day", day).add("items", items).build();
    }

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    public JsonObject list(@QueryParam("state") String state, @QueryParam("merchantId") String merchantId,
                           @QueryParam("limit") String limit) {
        int n = OperatorParams.limit(limit, 100, 1000);
        List<SettlementView> found;
        if (merchantId != null) {
            found = settlements.ofMerchant(merchantId, n);
        } else {
            String wanted = state == null ? "DRAFT" : state.toUpperCase(Locale.ROOT);
            if (!STATES.contains(wanted)) {
                throw new InvalidFieldException("state", "must be DRAFT, APPROVED, PAID or FAILED");
            }
            found = settlements.inState(wanted, n);
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        found.stream().map(SettlementView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return settlements.get(id).toJson();
    }

    @POST
    @Path("{id}/approval")
    public JsonObject approve(@PathParam("id") String id) {
        return settlements.approve(id, operator.operatorId()).toJson();
    }

    /** A FAILED payout, again, to the merchant's corrected account (409 while the account is unchanged). */
    @POST
    @Path("{id}/retry")
    public JsonObject retry(@PathParam("id") String id) {
        return settlements.retry(id, operator.operatorId()).toJson();
    }

    @POST
    @Path("{id}/payout")
    public JsonObject pay(@PathParam("id") String id) {
        return payouts.pay(id).toJson();
    }
}
