package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.events.EventEnvelope;

/**
 * Handles one decoded, validated event of a registered type.
 *
 * <p>Called on the consumer's thread, one record at a time per consumer, with the correlation
 * id, event id and event type in the SLF4J MDC. Returning normally marks the record done; its
 * offset is committed later. Throwing schedules a retry with backoff, unless the exception is
 * non-retryable (see {@link NonRetryableException} and
 * {@link ConsumerSettings.Builder#nonRetryable(Class)}), in which case the record goes to the
 * dead-letter topic at once. Delivery is at least once, so a handler must tolerate seeing the
 * same {@code event_id} again. An {@link AssertionError} or {@link LinkageError} from the handler
 * counts as a failed attempt like an exception; other {@link Error}s stop the consumer. Exception messages end up in logs and dead-letter headers:
 * never put payload text in them.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface EventHandler<T> {

    /**
     * Handles an event.
     *
     * @param event the decoded envelope
     * @param context where the record came from and which attempt this is
     * @throws Exception to request a retry, or a non-retryable exception to dead-letter the record
     */
    void handle(EventEnvelope<T> event, EventContext context) throws Exception;
}
