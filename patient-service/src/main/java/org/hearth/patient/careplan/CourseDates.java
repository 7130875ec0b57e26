package org.hearth.patient.careplan;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A medication's course does not stop before it starts; the error names {@code stop}. */
@Documented
@Constraint(validatedBy = CourseDates.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface CourseDates {

    String message() default "must not be before start";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<CourseDates, CarePlanContent.Medication> {
        @Override
        public boolean isValid(CarePlanContent.Medication medication, ConstraintValidatorContext context) {
            if (medication == null
                    || medication.start() == null
                    || medication.stop() == null
                    || !medication.stop().isBefore(medication.start())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("stop")
                    .addConstraintViolation();
            return false;
        }
    }
}
