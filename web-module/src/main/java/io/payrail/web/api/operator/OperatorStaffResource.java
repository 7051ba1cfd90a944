package io.payrail.web.api.operator;

import io.payrail.staff.StaffAccount;
import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.problem.InvalidFieldException;
import io.payrail.web.api.security.AllowedRoles;
import io.payrail.web.api.security.OperatorContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/operator/staff}: the administrator creates staff (one-time password in the answer,
 * changed at the first sign-in), sets roles, unlocks, resets passwords, turns TOTP on (the secret in
 * the answer, once), disables and enables. Auditors read the list. Each change is audited.
 */
@Path("/operator/staff")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AllowedRoles(StaffRole.ADMIN)
public class OperatorStaffResource {

    @Inject
    private StaffDirectory staff;

    @Inject
    private OperatorContext operator;

    @GET
    @AllowedRoles({StaffRole.ADMIN, StaffRole.AUDITOR})
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        staff.list().stream().map(OperatorStaffResource::json).forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    public Response create(@NotNull @Valid StaffRequest r) {
        if (r.id() == null) {
            throw new InvalidFieldException("id", StaffRequest.ID_RULE);
        }
        String password = staff.create(r.id(), r.displayName() == null ? r.id() : r.displayName(), roles(r),
                operator.operatorId(), operator.address());
        return Response.status(201).entity(Json.createObjectBuilder().add("id", r.id())
                .add("oneTimePassword", password).build()).build();
    }

    @PUT
    @Path("{id}/roles")
    public Response setRoles(@PathParam("id") String id, @NotNull @Valid StaffRequest r) {
        staff.setRoles(id, roles(r), operator.operatorId(), operator.address());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/unlock")
    public Response unlock(@PathParam("id") String id) {
        staff.unlock(id, operator.operatorId(), operator.address());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/password-reset")
    public JsonObject resetPassword(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("id", id)
                .add("oneTimePassword", staff.resetPassword(id, operator.operatorId(), operator.address())).build();
    }

    @POST
    @Path("{id}/totp")
    public JsonObject enableTotp(@PathParam("id") String id) {
        return Json.createObjectBuilder().add("id", id)
                .add("totpSecret", staff.enableTotp(id, operator.operatorId(), operator.address())).build();
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") String id) {
        staff.setDisabled(id, true, operator.operatorId(), operator.address());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") String id) {
        staff.setDisabled(id, false, operator.operatorId(), operator.address());
        return Response.noContent().build();
    }

    private static Set<StaffRole> roles(StaffRequest r) {
        return r.roles().stream().map(StaffRole::valueOf).collect(Collectors.toSet());
    }

    private static JsonObject json(StaffAccount a) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        a.roles().stream().map(Enum::name).sorted().forEach(roles::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.id()).add("displayName", a.displayName())
                .add("roles", roles).add("disabled", a.isDisabled()).add("totp", a.hasTotp())
                .add("mustChangePassword", a.mustChangePassword()).add("createdAt", a.createdAt().toString())
                .add("createdBy", a.createdBy());
        if (a.lockedUntil() != null) {
            b.add("lockedUntil", a.lockedUntil().toString());
        }
        return b.build();
    }
}
