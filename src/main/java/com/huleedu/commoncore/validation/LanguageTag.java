package com.huleedu.commoncore.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string that must be a well-formed BCP 47 language tag, such as {@code en-US} or
 * {@code sv-SE}. {@code null} is valid; combine with {@code @NotNull} where the tag is required.
 */
@Documented
@Constraint(validatedBy = LanguageTagValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface LanguageTag {

    /**
     * Returns the message template of a violation.
     *
     * @return the message template
     */
    String message() default "must be a well-formed BCP 47 language tag such as en-US";

    /**
     * Returns the validation groups.
     *
     * @return the groups
     */
    Class<?>[] groups() default {};

    /**
     * Returns the payload of the constraint.
     *
     * @return the payload types
     */
    Class<? extends Payload>[] payload() default {};
}
