package fr.portailfamille.dossier.contact;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A French postcode: five digits whose department part exists (01 to 95, Corsica's 20, overseas
 * 97 and 98), e.g. « 66500 ». Empty means none. Written here: no library is worth a dependency
 * for one rule that La Poste's format defines this simply.
 */
@Documented
@Constraint(validatedBy = FrenchPostcode.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface FrenchPostcode {

    String message() default "{dossier.postcode.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<FrenchPostcode, String> {

        private static final Pattern FORMAT = Pattern.compile("^(0[1-9]|[1-8][0-9]|9[0-5]|97|98)[0-9]{3}$");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || FORMAT.matcher(value.trim()).matches();
        }
    }
}
