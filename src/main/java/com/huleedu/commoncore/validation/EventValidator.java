package com.huleedu.commoncore.validation;

import com.huleedu.commoncore.events.EventEnvelope;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates payloads with Hibernate Validator, bootstrapped once for the whole library.
 *
 * <p>Messages are interpolated with {@link ParameterMessageInterpolator}: parameters such as
 * {@code {max}} are replaced, but no Expression Language implementation is needed on the
 * service's classpath, and message templates never see the rejected value. Violation paths use
 * JSON keys and start at {@code data}: map entries as {@code .key} (the wire value for enum
 * keys), list elements as {@code [index]}, and a rule on a {@code @JsonIgnore}d method, which
 * checks several fields, at the object that contains it. Thread-safe; share the {@link #shared()}
 * instance.
 */
public final class EventValidator {

    private static final EventValidator SHARED = new EventValidator();

    private final Validator validator;

    private EventValidator() {
        ValidatorFactory factory = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .propertyNodeNameProvider(new JsonPropertyNodeNameProvider())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /**
     * Returns the shared validator; the factory behind it lives as long as the class.
     *
     * @return the shared instance
     */
    public static EventValidator shared() {
        return SHARED;
    }

    /**
     * Validates an envelope's payload.
     *
     * @param envelope the envelope to check
     * @throws EventValidationException if the payload breaks a constraint, with every violation
     */
    public void validate(EventEnvelope<?> envelope) {
        List<Violation> violations = violationsOf(envelope.data());
        if (!violations.isEmpty()) {
            throw new EventValidationException(envelope.eventType(), violations);
        }
    }

    /**
     * Returns the violations of a payload, sorted by path; empty when the payload is valid.
     *
     * @param data the payload
     * @return the violations, with paths that start at {@code data}
     */
    public List<Violation> violationsOf(Object data) {
        Set<ConstraintViolation<Object>> found = validator.validate(data);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>(found.size());
        for (ConstraintViolation<Object> violation : found) {
            String path = ViolationPaths.of(violation);
            String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(new Violation(path, constraint, violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::path).thenComparing(Violation::constraint));
        return violations;
    }
}
