package io.payrail.web.api.validation;

import io.payrail.common.Currencies;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PayableCurrencyValidator implements ConstraintValidator<PayableCurrency, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || Currencies.payable(value).isPresent();
    }
}
