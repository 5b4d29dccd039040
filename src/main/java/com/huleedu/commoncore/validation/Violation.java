package com.huleedu.commoncore.validation;

/**
 * One broken constraint: where, which rule, and the interpolated message.
 *
 * <p>Never carries the rejected value, because it may be essay text.
 *
 * @param path JSON path of the field, such as {@code data.language}
 * @param constraint simple name of the constraint annotation, such as {@code NotBlank}
 * @param message the interpolated message, such as {@code must not be blank}
 */
public record Violation(String path, String constraint, String message) {

    /**
     * Formats the violation as {@code path: message (Constraint)}.
     *
     * @return the violation as one line
     */
    @Override
    public String toString() {
        return path + ": " + message + " (" + constraint + ")";
    }
}
