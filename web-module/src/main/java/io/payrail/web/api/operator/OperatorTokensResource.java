package io.payrail.web.api.operator;

import io.payrail.staff.LoginOutcome;
import io.payrail.staff.StaffDirectory;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import io.payrail.web.api.security.OperatorContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/operator/tokens}: a staff member trades id, password (and TOTP code) for a bearer
 * token that expires; {@code DELETE .../current} ends the token the request bears. A one-time
 * password must be changed first (here with {@code newPassword}, or in the back office); failures
 * count towards the lock-out.
 */
@Path("/operator/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorTokensResource {

    @Inject
    private StaffDirectory staff;

    @Inject
    private OperatorContext operator;

    @Context
    private HttpServletRequest servletRequest;

    @POST
    @PermitAll
    public Response issue(@NotNull @Valid TokenRequest r) {
        String address = servletRequest.getRemoteAddr();
        // separate calls, separate transactions: a refused sign-in is counted even though the answer is an error
        LoginOutcome outcome = staff.login(r.staffId(), r.password(), r.totp(), address);
        if (r.newPassword() != null && outcome.status() == LoginOutcome.Status.OK) {
            staff.changePassword(r.staffId(), r.password(), r.newPassword(), address);
            outcome = new LoginOutcome(LoginOutcome.Status.OK, staff.find(r.staffId()).orElseThrow());
        }
        StaffDirectory.IssuedToken issued = staff.issueToken(staff.requireTokenable(outcome), address);
        JsonArrayBuilder roles = Json.createArrayBuilder();
        issued.identity().roles().stream().map(Enum::name).sorted().forEach(roles::add);
        return Response.status(201).entity(Json.createObjectBuilder().add("token", issued.token())
                .add("tokenType", "Bearer").add("staffId", issued.identity().id()).add("roles", roles)
                .add("expiresAt", issued.expiresAt().toString()).build()).build();
    }

    @DELETE
    @Path("current")
    @AllowedRoles({StaffRole.ADMIN, StaffRole.OPERATIONS, StaffRole.FINANCE, StaffRole.SUPPORT, StaffRole.AUDITOR})
    public Response revoke(@Context HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        staff.revokeToken(header.substring(7).strip(), operator.address());
        return Response.noContent().build();
    }
}
