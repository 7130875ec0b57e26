package org.hearth.platform.clinical;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A National Provider Identifier with its check digit ({@link Npi}); null is left to {@code @NotNull}. */
@Documented
@Constraint(validatedBy = ValidNpi.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidNpi {

    String message() default "must be a valid NPI (10 digits ending in its check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<ValidNpi, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Npi.isValid(value);
        }
    }
}
