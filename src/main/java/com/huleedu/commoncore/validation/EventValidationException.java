package com.huleedu.commoncore.validation;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when an event's payload breaks Bean Validation constraints.
 *
 * <p>The message lists every violation by JSON path, rule and message, never the rejected
 * values. The reason is always {@link FailureReason#INVALID_PAYLOAD}.
 */
public final class EventValidationException extends CommonCoreException {

    private static final long serialVersionUID = 1L;

    private final String eventType;
    private final transient List<Violation> violations;

    /**
     * Creates the exception.
     *
     * @param eventType the event type whose payload was checked
     * @param violations the violations, at least one
     */
    public EventValidationException(String eventType, List<Violation> violations) {
        super(FailureReason.INVALID_PAYLOAD, "invalid payload for event type " + eventType + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.eventType = eventType;
        this.violations = List.copyOf(violations);
    }

    /**
     * Returns the event type whose payload was checked.
     *
     * @return the event type name
     */
    public String eventType() {
        return eventType;
    }

    /**
     * Returns the violations, sorted by path.
     *
     * @return an immutable list with at least one violation
     */
    public List<Violation> violations() {
        return violations;
    }
}
