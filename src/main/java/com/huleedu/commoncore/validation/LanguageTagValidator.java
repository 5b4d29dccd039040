package com.huleedu.commoncore.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks {@link LanguageTag} with {@link Locale.Builder#setLanguageTag(String)}, which rejects
 * tags that are not well-formed under BCP 47 (unlike {@link Locale#forLanguageTag(String)},
 * which silently returns {@code und}).
 */
public final class LanguageTagValidator implements ConstraintValidator<LanguageTag, String> {

    private static final int MAX_TAG_LENGTH = 35;

    /** Most events carry one of a handful of tags, so verdicts are kept for the first few hundred seen. */
    private static final int MAX_CACHED_TAGS = 512;
    private static final Map<String, Boolean> VERDICTS = new ConcurrentHashMap<>();

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
        Boolean cached = VERDICTS.get(value);
        if (cached != null) {
            return cached;
        }
        boolean wellFormed = isWellFormed(value);
        if (VERDICTS.size() < MAX_CACHED_TAGS) {
            VERDICTS.put(value, wellFormed);
        }
        return wellFormed;
    }

    private static boolean isWellFormed(String value) {
        try {
            new Locale.Builder().setLanguageTag(value);
            return true;
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
