package io.payrail.web.api.operator;

import io.payrail.staff.StaffAudit;
import io.payrail.staff.StaffAuditEntry;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/operator/audit}: the staff audit log, newest first, for auditors and administrators. */
@Path("/operator/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@AllowedRoles({StaffRole.AUDITOR, StaffRole.ADMIN})
public class OperatorAuditResource {

    @Inject
    private StaffAudit audit;

    @GET
    public JsonObject search(@QueryParam("staffId") String staffId, @QueryParam("action") String action,
                             @QueryParam("target") String target, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("limit") String limit) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        audit.search(staffId, action, target, OperatorParams.instant("from", from), OperatorParams.instant("to", to),
                        OperatorParams.limit(limit, 100, 500))
                .stream().map(OperatorAuditResource::json).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    static JsonObject json(StaffAuditEntry e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.getId()).add("at", e.getAt().toString())
                .add("staffId", e.getStaffId()).add("action", e.getAction());
        add(b, "target", e.getTarget());
        add(b, "before", e.getBeforeState());
        add(b, "after", e.getAfterState());
        add(b, "address", e.getAddress());
        return b.build();
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
