package io.payrail.web.api.operator;

import io.payrail.operator.OperatorAccounts;
import io.payrail.web.api.security.OperatorContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/operator/operators}: the administrator issues and revokes named operators' tokens
 * (maker-checker needs two people); the token is in the answer to its creation only.
 */
@Path("/operator/operators")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorAccountsResource {

    @Inject
    private OperatorAccounts operators;

    @Inject
    private OperatorContext operator;

    @POST
    public Response issue(@NotNull @Valid OperatorRequest request) {
        OperatorAccounts.Issued issued = operators.issue(request.id(), operator.operatorId());
        return Response.status(201).entity(Json.createObjectBuilder().add("id", issued.operatorId())
                .add("token", issued.token()).build()).build();
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        operators.list().forEach(items::add);
        return Json.createObjectBuilder().add("items", items).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        operators.revoke(id, operator.operatorId());
        return Response.noContent().build();
    }
}
