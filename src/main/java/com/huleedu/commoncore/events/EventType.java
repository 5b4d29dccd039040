package com.huleedu.commoncore.events;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered event type: its versioned name, its payload type and its default topic.
 *
 * @param name the {@code event_type} value, for example {@code huleedu.essay.spellcheck.requested.v1}
 * @param payloadClass the payload's class
 * @param payloadType the payload's full generic type; equals {@code payloadClass} for non-generic payloads
 * @param topic the topic events of this type are published to, or {@code null} if the caller must name one
 * @param <T> the payload type
 */
public record EventType<T>(String name, Class<T> payloadClass, Type payloadType, String topic) {

    /**
     * Creates an event type.
     *
     * @throws NullPointerException if the name, class or type is {@code null}
     */
    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadClass, "payloadClass");
        Objects.requireNonNull(payloadType, "payloadType");
    }

    /**
     * Creates an event type for a non-generic payload class.
     *
     * @param name the {@code event_type} value
     * @param payloadClass the payload's class
     * @param topic the default topic, or {@code null}
     * @param <T> the payload type
     * @return the event type
     */
    public static <T> EventType<T> of(String name, Class<T> payloadClass, String topic) {
        return new EventType<>(name, payloadClass, payloadClass, topic);
    }

    /**
     * Returns the default topic if one is set.
     *
     * @return the topic, or empty
     */
    public Optional<String> findTopic() {
        return Optional.ofNullable(topic);
    }

    /**
     * Returns the default topic.
     *
     * @return the topic
     * @throws CommonCoreException with {@link FailureReason#NO_TOPIC} if the type has no default topic
     */
    public String requireTopic() {
        if (topic == null) {
            throw new CommonCoreException(FailureReason.NO_TOPIC, "event type " + name
                    + " has no default topic: publish it to an explicit topic");
        }
        return topic;
    }
}
