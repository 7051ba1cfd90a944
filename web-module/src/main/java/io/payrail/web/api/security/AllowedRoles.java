package io.payrail.web.api.security;

import io.payrail.staff.StaffRole;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The staff roles that may call an operator-API method (on the method, else on its class), checked
 * by {@link OperatorRoleFilter}. Our own annotation rather than {@code @RolesAllowed}: the operator
 * API's identities are bearer tokens, not container logins, and no container interceptor must
 * second-guess them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {

    StaffRole[] value();
}
