package com.huleedu.commoncore.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * Checks {@link LanguageTag} with {@link Locale.Builder#setLanguageTag(String)}, which rejects
 * tags that are not well-formed under BCP 47 (unlike {@link Locale#forLanguageTag(String)},
 * which silently returns {@code und}).
 */
public final class LanguageTagValidator implements ConstraintValidator<LanguageTag, String> {

    private static final int MAX_TAG_LENGTH = 35;

    /**
     * Creates the validator; Hibernate Validator calls this.
     */
    public LanguageTagValidator() {
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        if (value.isEmpty() || value.length() > MAX_TAG_LENGTH) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(value);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
