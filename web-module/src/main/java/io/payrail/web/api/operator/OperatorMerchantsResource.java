package io.payrail.web.api.operator;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.merchant.MerchantRegistration;
import io.payrail.merchant.MerchantService;
import io.payrail.merchant.MerchantView;
import io.payrail.web.api.security.OperatorContext;
import io.payrail.web.backoffice.StaffActions;
import io.payrail.staff.StaffRole;
import io.payrail.web.api.security.AllowedRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/operator/merchants}: every call idempotent; changes are OPERATIONS', each audited,
 * reading is open to every role that looks at merchants.
 */
@Path("/operator/merchants")
@AllowedRoles({StaffRole.OPERATIONS})
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorMerchantsResource {

    @Inject
    private MerchantService merchants;

    @Inject
    private StaffActions actions;

    @Inject
    private OperatorContext operator;

    @POST
    public Response create(@NotNull @Valid MerchantRequest request) {
        MerchantService.RegistrationResult result = actions.registerMerchant(operator.actor(), registration(request));
        return Response.status(result.created() ? 201 : 200).entity(result.merchant()).build();
    }

    @PUT
    @Path("{id}")
    public MerchantView update(@PathParam("id") String id, @NotNull @Valid MerchantRequest request) {
        if (!id.equals(request.id())) {
            throw new PayrailException(ErrorCode.VALIDATION_FAILED, "the body's id must be the path's id " + id);
        }
        return actions.updateMerchant(operator.actor(), registration(request));
    }

    @GET
    @Path("{id}")
    @AllowedRoles({StaffRole.OPERATIONS, StaffRole.SUPPORT, StaffRole.FINANCE, StaffRole.AUDITOR, StaffRole.ADMIN})
    public MerchantView get(@PathParam("id") String id) {
        return merchants.view(id);
    }

    @POST
    @Path("{id}/keys")
    public MerchantView addKey(@PathParam("id") String id, @NotNull @Valid KeyRequest request) {
        return actions.addKey(operator.actor(), id, request.keyId(), request.publicKeyPem());
    }

    @DELETE
    @Path("{id}/keys/{keyId}")
    public MerchantView revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        return actions.revokeKey(operator.actor(), id, keyId);
    }

    @POST
    @Path("{id}/suspend")
    public MerchantView suspend(@PathParam("id") String id) {
        return actions.suspend(operator.actor(), id);
    }

    @POST
    @Path("{id}/activate")
    public MerchantView activate(@PathParam("id") String id) {
        return actions.activate(operator.actor(), id);
    }

    private static MerchantRegistration registration(MerchantRequest r) {
        Map<String, Long> limits = new LinkedHashMap<>();
        for (MerchantRequest.Limit limit : r.currencies()) {
            if (limits.put(limit.currency(), limit.maxAmount()) != null) {
                throw new PayrailException(ErrorCode.VALIDATION_FAILED, "currency " + limit.currency() + " is listed twice");
            }
        }
        return new MerchantRegistration(r.id(), r.name(), r.notifyUrl(), r.rateLimitPerMinute(), limits);
    }
}
