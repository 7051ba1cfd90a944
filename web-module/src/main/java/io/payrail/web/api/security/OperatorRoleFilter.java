package io.payrail.web.api.security;

import io.payrail.common.ErrorCode;
import io.payrail.common.PayrailException;
import io.payrail.staff.StaffRole;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Every operator-API method names the roles that may call it ({@link AllowedRoles} on the method,
 * else on its class); a member holding none of them gets 403 OPERATOR_FORBIDDEN. A method that names
 * none is for {@link StaffRole#ADMIN} only: a forgotten declaration fails closed.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class OperatorRoleFilter implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Inject
    private OperatorContext operator;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!GatewayPaths.isOperatorApi(request.getUriInfo().getPath()) || resource.getResourceMethod() == null
                || resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        AllowedRoles allowed = resource.getResourceMethod().getAnnotation(AllowedRoles.class);
        if (allowed == null) {
            allowed = resource.getResourceClass().getAnnotation(AllowedRoles.class);
        }
        StaffRole[] roles = allowed == null ? new StaffRole[] {StaffRole.ADMIN} : allowed.value();
        if (Arrays.stream(roles).noneMatch(operator.roles()::contains)) {
            throw new PayrailException(ErrorCode.OPERATOR_FORBIDDEN, request.getMethod() + " /api/"
                    + request.getUriInfo().getPath() + " needs one of the roles " + new TreeSet<>(Arrays.asList(roles))
                    + "; you hold " + new TreeSet<>(operator.roles()) + ": ask an administrator or a colleague");
        }
    }
}
