package com.huleedu.commoncore.json;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.Optional;

/**
 * Thrown when bytes cannot be decoded into an event.
 *
 * <p>The reason names the kind of problem, {@link #path()} locates it (a JSON path such as
 * {@code data.language}, or {@code $} for the whole document), and the message explains what
 * to do. Messages never contain the received text.
 */
public final class EventDecodingException extends CommonCoreException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String eventType;

    /**
     * Creates the exception.
     *
     * @param reason the kind of failure
     * @param path the JSON path of the offending value, {@code $} for the document
     * @param eventType the event type read before the failure, or {@code null}
     * @param message what was wrong; never payload text
     * @param cause the underlying exception, or {@code null}
     */
    public EventDecodingException(FailureReason reason, String path, String eventType, String message, Throwable cause) {
        super(reason, "cannot decode event" + (eventType == null ? "" : " of type " + eventType) + " at " + path + ": " + message, cause);
        this.path = path;
        this.eventType = eventType;
    }

    /**
     * Returns the JSON path of the offending value.
     *
     * @return a path such as {@code data.text}, or {@code $} for the document as a whole
     */
    public String path() {
        return path;
    }

    /**
     * Returns the event type read before the failure, if any.
     *
     * @return the event type, or empty
     */
    public Optional<String> eventType() {
        return Optional.ofNullable(eventType);
    }
}
