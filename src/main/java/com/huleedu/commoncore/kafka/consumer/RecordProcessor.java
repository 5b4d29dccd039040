package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Takes one record from bytes to done: decode, validate, run the handler with the ids in the
 * MDC, and on failure decide between a retry and the dead-letter topic.
 *
 * <p>A record is done when its handler returned or the dead-letter topic acknowledged it; only
 * then may its offset be committed. Attempt counts live here, per record, for as long as this
 * consumer owns the partition. Used only on the consumer's thread.
 */
final class RecordProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RecordProcessor.class);

    /** MDC key of the correlation id while a handler runs. */
    static final String MDC_CORRELATION_ID = "correlation_id";
    /** MDC key of the event id while a handler runs. */
    static final String MDC_EVENT_ID = "event_id";
    /** MDC key of the event type while a handler runs. */
    static final String MDC_EVENT_TYPE = "event_type";

    /** The result of processing one record. */
    sealed interface Outcome permits Done, RetryAfter {
    }

    /** The record is done and its offset may be committed. */
    record Done() implements Outcome {
    }

    /** The record is not done; seek back to it and try again after the backoff. */
    record RetryAfter(Duration backoff) implements Outcome {
    }

    private static final Done DONE = new Done();

    private final EventCodec codec;
    private final Map<String, EventHandler<Object>> handlers;
    private final ConsumerSettings settings;
    private final DeadLetterWriter deadLetterWriter;
    private final ConsumerObserver observer;
    private final Map<TopicPartition, Map<Long, Integer>> attempts = new HashMap<>();
    private final Map<TopicPartition, Map<Long, RecordFailure>> exhausted = new HashMap<>();

    final AtomicLong handled = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong ignored = new AtomicLong();
    final AtomicLong deadLetterWriteFailures = new AtomicLong();

    RecordProcessor(EventCodec codec, Map<String, EventHandler<Object>> handlers, ConsumerSettings settings,
            DeadLetterWriter deadLetterWriter, ConsumerObserver observer) {
        this.codec = codec;
        this.handlers = handlers;
        this.settings = settings;
        this.deadLetterWriter = deadLetterWriter;
        this.observer = observer;
    }

    Outcome process(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        int attempt = attempts.getOrDefault(partition, Map.of()).getOrDefault(record.offset(), 0) + 1;
        EventContext context = contextOf(record, attempt);

        RecordFailure pending = exhausted.getOrDefault(partition, Map.of()).get(record.offset());
        if (pending != null) {
            return deadLetter(record, context, pending);
        }

        EventEnvelope<?> event;
        try {
            if (record.value() == null) {
                throw new CommonCoreException(FailureReason.MALFORMED_JSON, "the record has no value (a tombstone)");
            }
            event = codec.decode(record.value());
        } catch (CommonCoreException e) {
            return deadLetter(record, context, RecordFailure.of(e.reason(), e, attempt));
        }

        EventHandler<Object> handler = handlers.get(event.eventType());
        if (handler == null) {
            return unhandled(record, context, event, attempt);
        }
        return runHandler(record, context, event, handler, partition, attempt);
    }

    private Outcome runHandler(ConsumerRecord<byte[], byte[]> record, EventContext context, EventEnvelope<?> event,
            EventHandler<Object> handler, TopicPartition partition, int attempt) {
        MDC.put(MDC_CORRELATION_ID, event.correlationId().toString());
        MDC.put(MDC_EVENT_ID, event.eventId().toString());
        MDC.put(MDC_EVENT_TYPE, event.eventType());
        try {
            @SuppressWarnings("unchecked")
            EventEnvelope<Object> typed = (EventEnvelope<Object>) event;
            handler.handle(typed, context);
        } catch (Exception | LinkageError | AssertionError e) {
            // A failed class load or assertion in handler code is a failure of this record, not
            // a reason to stop the consumer; only VirtualMachineErrors propagate.
            return handlerFailed(record, context, event, partition, attempt, e);
        } finally {
            MDC.remove(MDC_CORRELATION_ID);
            MDC.remove(MDC_EVENT_ID);
            MDC.remove(MDC_EVENT_TYPE);
        }
        forget(partition, record.offset());
        handled.incrementAndGet();
        notifyObserver(() -> observer.onHandled(event, context));
        return DONE;
    }

    private Outcome handlerFailed(ConsumerRecord<byte[], byte[]> record, EventContext context, EventEnvelope<?> event,
            TopicPartition partition, int attempt, Throwable failure) {
        if (settings.isNonRetryable(failure)) {
            return deadLetter(record, context, RecordFailure.of(FailureReason.HANDLER_REJECTED, failure, attempt));
        }
        int maxAttempts = settings.retryPolicy().maxAttempts();
        if (attempt >= maxAttempts) {
            return deadLetter(record, context, RecordFailure.of(FailureReason.HANDLER_FAILED, failure, attempt));
        }
        attempts.computeIfAbsent(partition, key -> new HashMap<>()).put(record.offset(), attempt);
        Duration backoff = settings.retryPolicy().backoffAfter(attempt);
        retried.incrementAndGet();
        LOG.warn("Handler failed for {} (event_type={} event_id={} correlation_id={}), attempt {} of {}, retrying in {} ms: {}: {}",
                context.coordinates(), event.eventType(), event.eventId(), event.correlationId(), attempt, maxAttempts,
                backoff.toMillis(), failure.getClass().getName(), failure.getMessage());
        notifyObserver(() -> observer.onRetryScheduled(context, failure));
        return new RetryAfter(backoff);
    }

    private Outcome unhandled(ConsumerRecord<byte[], byte[]> record, EventContext context, EventEnvelope<?> event, int attempt) {
        if (settings.unhandledEventType() == ConsumerSettings.UnhandledEventType.IGNORE) {
            ignored.incrementAndGet();
            LOG.debug("Ignored {} (event_type={} event_id={}): no handler for this event type",
                    context.coordinates(), event.eventType(), event.eventId());
            notifyObserver(() -> observer.onIgnored(event, context));
            return DONE;
        }
        CommonCoreException failure = new CommonCoreException(FailureReason.UNKNOWN_EVENT_TYPE,
                "no handler is registered for event type " + event.eventType() + " in group " + settings.groupId());
        return deadLetter(record, context, RecordFailure.of(FailureReason.UNKNOWN_EVENT_TYPE, failure, attempt));
    }

    private Outcome deadLetter(ConsumerRecord<byte[], byte[]> record, EventContext context, RecordFailure failure) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        String eventId = EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_ID).orElse("unknown");
        String correlationId = EventHeaders.lastValue(record.headers(), EventHeaders.CORRELATION_ID).orElse("unknown");
        try {
            deadLetterWriter.write(record, failure);
        } catch (DeadLetterWriter.DeadLetterWriteException e) {
            deadLetterWriteFailures.incrementAndGet();
            exhausted.computeIfAbsent(partition, key -> new HashMap<>()).put(record.offset(), failure);
            Duration backoff = settings.retryPolicy().backoffAfter(failure.attempts());
            LOG.error("Dead-letter write failed for {} (event_id={} correlation_id={} reason={}); the record stays"
                    + " uncommitted and is tried again in {} ms: {}", context.coordinates(), eventId, correlationId,
                    failure.reason().headerValue(), backoff.toMillis(), e.getMessage());
            return new RetryAfter(backoff);
        }
        forget(partition, record.offset());
        deadLettered.incrementAndGet();
        LOG.warn("Dead-lettered {} to {} (event_id={} correlation_id={} reason={} attempts={}): {}: {}",
                context.coordinates(), settings.deadLetterTopic(record.topic()), eventId, correlationId,
                failure.reason().headerValue(), failure.attempts(), failure.exceptionClass(), failure.message());
        EventContext finalContext = new EventContext(context.topic(), context.partition(), context.offset(), context.key(),
                context.headers(), failure.attempts(), context.groupId());
        notifyObserver(() -> observer.onDeadLettered(finalContext, failure.reason()));
        return DONE;
    }

    /**
     * Drops the retry state of partitions this consumer no longer owns.
     */
    void forgetPartitions(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> {
            attempts.remove(partition);
            exhausted.remove(partition);
        });
    }

    private void forget(TopicPartition partition, long offset) {
        Map<Long, Integer> counts = attempts.get(partition);
        if (counts != null && counts.remove(offset) != null && counts.isEmpty()) {
            attempts.remove(partition);
        }
        Map<Long, RecordFailure> failures = exhausted.get(partition);
        if (failures != null && failures.remove(offset) != null && failures.isEmpty()) {
            exhausted.remove(partition);
        }
    }

    private EventContext contextOf(ConsumerRecord<byte[], byte[]> record, int attempt) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        return new EventContext(record.topic(), record.partition(), record.offset(), key, record.headers(), attempt,
                settings.groupId());
    }

    private static void notifyObserver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Consumer observer failed and was ignored: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }
}
