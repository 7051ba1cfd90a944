package io.payrail.web.api.operator;

import io.payrail.batch.BatchJobs;
import io.payrail.batch.JobKind;
import io.payrail.batch.JobView;
import io.payrail.reconciliation.StatementImports;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;

/**
 * {@code /api/operator/jobs}: start a batch job (a channel's day reconciled, the day's settlement
 * drafts, the day's payouts), follow its progress, list the latest. A job runs in the background
 * and survives a server crash: it resumes from its last committed step (docs/settlement.md §8).
 */
@AllowedRoles({StaffRole.FINANCE})
@Path("/operator/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorJobsResource {

    @Inject
    private BatchJobs jobs;

    @Inject
    private StatementImports imports;

    @Inject
    private OperatorContext operator;

    /** 202 with the job and its Location; 409 JOB_CONFLICT while the same job runs. */
    @POST
    public Response start(@NotNull @Valid JobRequest r) {
        JobKind kind = JobKind.valueOf(r.kind());
        LocalDate day = OperatorParams.day("day", r.day());
        if (kind.perChannel() && (r.channelId() == null || !imports.sources().containsKey(r.channelId()))) {
            throw new InvalidFieldException("channelId", "must be a channel with a statement: "
                    + String.join(", ", imports.sources().keySet()));
        }
        if (!kind.perChannel() && r.channelId() != null) {
            throw new InvalidFieldException("channelId", "is only for RECONCILIATION: a " + kind
                    + " job covers every merchant of the day");
        }
        JobView job = jobs.start(kind, r.channelId(), day, operator.operatorId());
        return Response.accepted(job.toJson()).location(URI.create("/api/operator/jobs/" + job.id())).build();
    }

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return jobs.get(id).toJson();
    }

    @AllowedRoles({StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    @GET
    public JsonObject list(@QueryParam("limit") String limit) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        jobs.recent(OperatorParams.limit(limit, 50, 500)).stream().map(JobView::toJson).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }
}
