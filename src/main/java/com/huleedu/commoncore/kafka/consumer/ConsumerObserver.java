package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Receives the consumer's record outcomes, for metrics, audits and tests.
 *
 * <p>Called on the consumer's thread; implementations must be quick and must not throw
 * (exceptions are logged and ignored). Every method does nothing by default.
 */
public interface ConsumerObserver {

    /**
     * Called after a handler returned normally.
     *
     * @param event the handled event
     * @param context the record's coordinates and attempt
     */
    default void onHandled(EventEnvelope<?> event, EventContext context) {
    }

    /**
     * Called when a failed attempt is scheduled for a retry.
     *
     * @param context the record's coordinates and the attempt that failed
     * @param failure the handler's exception
     */
    default void onRetryScheduled(EventContext context, Throwable failure) {
    }

    /**
     * Called after the dead-letter topic acknowledged a record.
     *
     * @param context the record's coordinates and the attempt count
     * @param reason why the record was dead-lettered
     */
    default void onDeadLettered(EventContext context, FailureReason reason) {
    }

    /**
     * Called after a record of an unhandled event type was skipped under
     * {@link ConsumerSettings.UnhandledEventType#IGNORE}.
     *
     * @param event the skipped event
     * @param context the record's coordinates
     */
    default void onIgnored(EventEnvelope<?> event, EventContext context) {
    }

    /**
     * Called after offsets were committed.
     *
     * @param offsets the committed offsets: the next offset to read per partition
     */
    default void onCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }
}
