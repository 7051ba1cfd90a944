package io.payrail.web.api.operator;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.discrepancy.ChannelDiscrepancy;
import io.payrail.discrepancy.Discrepancies;
import io.payrail.discrepancy.DiscrepancyView;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * {@code /api/operator/discrepancies}: what channels reported that does not agree with the books
 * (a capture or refund of other money than asked), newest first. The money reported is in
 * suspense; the order or refund is held until an operator resolves it.
 */
@Path("/operator/discrepancies")
@AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OperatorDiscrepanciesResource {

    @Inject
    private Discrepancies discrepancies;

    @GET
    public JsonObject list(@QueryParam("state") @DefaultValue("OPEN") String state,
                           @QueryParam("limit") @DefaultValue("100") int limit) {
        ChannelDiscrepancy.State wanted;
        try {
            wanted = ChannelDiscrepancy.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "state must be OPEN, PROPOSED, PARKED or RESOLVED");
        }
        if (limit < 1 || limit > 1000) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "limit must be from 1 to 1000");
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        discrepancies.list(wanted, limit).stream().map(DiscrepancyView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }
}
