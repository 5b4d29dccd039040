package com.huleedu.commoncore.events;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.events.processing.EssayStatusUpdatedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckPhaseCompletedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The map from {@code event_type} to payload type and topic, and back from payload class.
 *
 * <p>The codec takes payload classes only from here: type hints inside the JSON or in headers
 * are never used. {@link #withDefaults()} comes preloaded with common-core's own events; a
 * service adds its own with {@link #register(EventType)}. Thread-safe: registration and lookup
 * may happen concurrently, but register every type before the first event of that type arrives.
 */
public final class EventTypeRegistry {

    /** Lowercase dot-separated words ending in a version, such as {@code huleedu.essay.spellcheck.requested.v1}. */
    public static final Pattern EVENT_TYPE_PATTERN = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*\\.v[1-9][0-9]*");

    /** The characters and length Kafka allows in a topic name. */
    public static final Pattern TOPIC_PATTERN = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** The processing-status update event, defined by common-core; it has no row in the Python catalog. */
    public static final String ESSAY_STATUS_UPDATED = "huleedu.essay.status.updated.v1";

    private static final int MAX_EVENT_TYPE_LENGTH = 200;

    private final Map<String, EventType<?>> byName = new ConcurrentHashMap<>();
    private final Map<Class<?>, List<EventType<?>>> byPayloadClass = new ConcurrentHashMap<>();

    /**
     * Creates an empty registry.
     */
    public EventTypeRegistry() {
    }

    /**
     * Creates a registry preloaded with common-core's events: the spellcheck request, result and
     * phase completion, and the essay status update.
     *
     * @return a new registry that the caller may extend
     */
    public static EventTypeRegistry withDefaults() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register(catalogEvent(ProcessingEvent.ESSAY_SPELLCHECK_REQUESTED, SpellcheckRequestedDataV1.class));
        registry.register(catalogEvent(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED, SpellcheckResultDataV1.class));
        registry.register(catalogEvent(ProcessingEvent.SPELLCHECK_PHASE_COMPLETED, SpellcheckPhaseCompletedV1.class));
        registry.register(EventType.of(ESSAY_STATUS_UPDATED, EssayStatusUpdatedV1.class, ESSAY_STATUS_UPDATED));
        return registry;
    }

    /**
     * Creates the event type of a catalog event, named after its topic as the Python services do.
     *
     * @param event the processing event; it must have a topic
     * @param payloadClass the payload class
     * @param <T> the payload type
     * @return an event type whose name and topic are the event's topic
     */
    public static <T> EventType<T> catalogEvent(ProcessingEvent event, Class<T> payloadClass) {
        String topic = event.topic();
        return EventType.of(topic, payloadClass, topic);
    }

    /**
     * Registers an event type.
     *
     * @param type the event type
     * @param <T> the payload type
     * @return the registered type, for chaining
     * @throws CommonCoreException with {@link FailureReason#INVALID_REGISTRATION} if the name is
     *         malformed or already registered, or the topic is not a legal Kafka topic name
     */
    public <T> EventType<T> register(EventType<T> type) {
        checkName(type.name());
        if (type.topic() != null && !TOPIC_PATTERN.matcher(type.topic()).matches()) {
            throw invalid("topic '" + type.topic() + "' of event type " + type.name()
                    + " is not a legal Kafka topic name: use 1 to 249 characters of [a-zA-Z0-9._-]");
        }
        EventType<?> previous = byName.putIfAbsent(type.name(), type);
        if (previous != null) {
            throw invalid("event type " + type.name() + " is already registered with payload "
                    + previous.payloadClass().getName() + ": register each event type once");
        }
        byPayloadClass.compute(type.payloadClass(), (key, list) -> {
            List<EventType<?>> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
            copy.add(type);
            return List.copyOf(copy);
        });
        return type;
    }

    /**
     * Registers a non-generic payload class under an event type name.
     *
     * @param name the {@code event_type} value
     * @param payloadClass the payload's class
     * @param topic the default topic, or {@code null}
     * @param <T> the payload type
     * @return the registered type
     * @throws CommonCoreException with {@link FailureReason#INVALID_REGISTRATION} as for {@link #register(EventType)}
     */
    public <T> EventType<T> register(String name, Class<T> payloadClass, String topic) {
        return register(EventType.of(name, payloadClass, topic));
    }

    /**
     * Looks up an event type by its name.
     *
     * @param name the {@code event_type} value
     * @return the type, or empty if none is registered
     */
    public Optional<EventType<?>> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /**
     * Returns the only event type registered for a payload class.
     *
     * @param payloadClass the payload class
     * @param <T> the payload type
     * @return the event type
     * @throws CommonCoreException with {@link FailureReason#UNKNOWN_EVENT_TYPE} if none is
     *         registered, or {@link FailureReason#INVALID_REGISTRATION} if several are
     */
    @SuppressWarnings("unchecked")
    public <T> EventType<T> forPayload(Class<T> payloadClass) {
        List<EventType<?>> types = byPayloadClass.getOrDefault(payloadClass, List.of());
        if (types.isEmpty()) {
            throw new CommonCoreException(FailureReason.UNKNOWN_EVENT_TYPE, "no event type is registered for payload "
                    + payloadClass.getName() + ": register it with EventTypeRegistry.register");
        }
        if (types.size() > 1) {
            throw invalid("payload " + payloadClass.getName() + " is registered under several event types "
                    + types.stream().map(EventType::name).toList() + ": name the event type explicitly");
        }
        return (EventType<T>) types.get(0);
    }

    /**
     * Returns every registered event type.
     *
     * @return a snapshot of the registered types
     */
    public Collection<EventType<?>> all() {
        return List.copyOf(byName.values());
    }

    private static void checkName(String name) {
        if (name.length() > MAX_EVENT_TYPE_LENGTH || !EVENT_TYPE_PATTERN.matcher(name).matches()) {
            throw invalid("event type '" + name + "' is malformed: use lowercase dot-separated words ending in"
                    + " a version, such as huleedu.essay.spellcheck.requested.v1");
        }
    }

    private static CommonCoreException invalid(String message) {
        return new CommonCoreException(FailureReason.INVALID_REGISTRATION, message);
    }
}
