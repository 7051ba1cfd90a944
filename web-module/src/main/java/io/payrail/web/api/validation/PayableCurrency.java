package io.payrail.web.api.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An upper-case ISO 4217 code of a currency payments can be made in (not XAU, XXX, funds codes...). */
@Documented
@Constraint(validatedBy = PayableCurrencyValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PayableCurrency {
    /** The rule as a message; a required currency's @NotNull says the same. */
    String RULE = "must be an ISO 4217 currency code in upper case, such as USD, EUR or CNY";

    String message() default RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
