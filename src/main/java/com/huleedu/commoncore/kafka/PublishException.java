package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.UUID;

/**
 * Thrown when an event was not published: it was invalid, too large, or Kafka did not
 * acknowledge it (timeout, authorization, broker unavailable).
 *
 * <p>The message names the topic, event type and event id, never the payload. For an invalid
 * or undecodable event the cause is the codec's exception with the details.
 */
public final class PublishException extends CommonCoreException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String eventType;
    private final UUID eventId;

    /**
     * Creates the exception.
     *
     * @param reason the kind of failure
     * @param topic the target topic, or {@code null} if it could not be determined
     * @param eventType the event type
     * @param eventId the event id
     * @param detail what went wrong and what to do
     * @param cause the underlying exception, or {@code null}
     */
    public PublishException(FailureReason reason, String topic, String eventType, UUID eventId, String detail, Throwable cause) {
        super(reason, "failed to publish event " + eventId + " of type " + eventType + " to topic " + topic + ": " + detail, cause);
        this.topic = topic;
        this.eventType = eventType;
        this.eventId = eventId;
    }

    /**
     * Returns the target topic.
     *
     * @return the topic, or {@code null} if it could not be determined
     */
    public String topic() {
        return topic;
    }

    /**
     * Returns the event type.
     *
     * @return the event type
     */
    public String eventType() {
        return eventType;
    }

    /**
     * Returns the event id.
     *
     * @return the event id
     */
    public UUID eventId() {
        return eventId;
    }
}
