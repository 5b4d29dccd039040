package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.json.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes validated envelopes to Kafka with common-core's headers and key.
 *
 * <p>Every publish validates and encodes the envelope first, so an invalid or oversized event
 * fails before any network call and never reaches Kafka. Three ways to publish:
 * {@link #publish(PublishRequest)} waits for the broker's acknowledgement,
 * {@link #publishAsync(PublishRequest)} returns a future, and {@link #publishAll(Collection)}
 * sends many and returns one outcome per event. Failures carry the topic, event type and event
 * id, and are logged once at WARN with those ids; payloads and secret settings are never
 * logged.
 *
 * <p>Thread-safe: share one publisher per service. {@link #close()} flushes what was sent and
 * may be called more than once.
 */
public final class EventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final EventCodec codec;
    private final PublisherSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EventPublisher(PublisherSettings settings, EventCodec codec) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.producer = KafkaSettings.create(() -> new KafkaProducer<>(settings.kafkaProperties()), "producer");
        LOG.info("Started event publisher with settings {}", KafkaSettings.redacted(settings.kafkaProperties()));
    }

    /**
     * Creates a publisher and its Kafka producer.
     *
     * @param settings the producer settings
     * @param codec the codec that validates and encodes envelopes and resolves their default topics
     * @return the publisher
     * @throws CommonCoreException with {@link FailureReason#INVALID_CONFIGURATION} if Kafka rejects
     *         the settings, for example {@code acks=most}
     */
    public static EventPublisher create(PublisherSettings settings, EventCodec codec) {
        return new EventPublisher(settings, codec);
    }

    /**
     * Publishes an event to its type's default topic and waits for the acknowledgement.
     *
     * @param envelope the event
     * @return where the broker stored it
     * @throws CommonCoreException an {@link com.huleedu.commoncore.validation.EventValidationException}
     *         for an invalid payload, or a {@link PublishException} when the event is too large or
     *         Kafka did not acknowledge it within the send timeout
     */
    public PublishResult publish(EventEnvelope<?> envelope) {
        return publish(PublishRequest.of(envelope));
    }

    /**
     * Publishes an event and waits for the acknowledgement.
     *
     * @param request the event and its routing
     * @return where the broker stored it
     * @throws CommonCoreException as for {@link #publish(EventEnvelope)}
     */
    public PublishResult publish(PublishRequest request) {
        CompletableFuture<PublishResult> future = publishAsync(request);
        long timeoutMillis = settings.sendTimeout().toMillis();
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(FailureReason.PUBLISH_FAILED, request.topic(), request.envelope().eventType(),
                    request.envelope().eventId(), "no acknowledgement within " + timeoutMillis
                            + " ms; the record may still be delivered, so publish again only if duplicates are acceptable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(FailureReason.PUBLISH_FAILED, request.topic(), request.envelope().eventType(),
                    request.envelope().eventId(), "interrupted while waiting for the acknowledgement", e);
        }
    }

    /**
     * Publishes an event to its type's default topic without waiting for the acknowledgement.
     * The call can block as described for {@link #publishAsync(PublishRequest)}.
     *
     * @param envelope the event
     * @return a future completed with the acknowledgement, or exceptionally with the failure
     */
    public CompletableFuture<PublishResult> publishAsync(EventEnvelope<?> envelope) {
        return publishAsync(PublishRequest.of(envelope));
    }

    /**
     * Publishes an event without waiting for the acknowledgement. Validation and size failures
     * complete the future exceptionally at once; nothing is sent for them.
     *
     * <p>The call itself can block for up to {@code max.block.ms} (Kafka's default is 60 s)
     * inside {@link KafkaProducer#send}: while the producer waits for the topic's metadata, for
     * example when the broker is unreachable or the topic does not exist, or for room in a full
     * buffer. When that wait times out, the returned future fails with a {@link PublishException}.
     * Dependent stages of the future may run on the producer's I/O thread, so they must not block.
     *
     * @param request the event and its routing
     * @return a future completed with the acknowledgement, or exceptionally with a
     *         {@link CommonCoreException} (validation, size or Kafka failure)
     */
    public CompletableFuture<PublishResult> publishAsync(PublishRequest request) {
        Objects.requireNonNull(request, "request");
        EventEnvelope<?> envelope = request.envelope();
        ProducerRecord<byte[], byte[]> record;
        try {
            record = toRecord(request);
        } catch (CommonCoreException e) {
            LOG.warn("Rejected event before sending: event_type={} event_id={} correlation_id={} reason={}: {}",
                    envelope.eventType(), envelope.eventId(), envelope.correlationId(), e.reason().headerValue(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<PublishResult> future = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, exception) -> complete(future, record, envelope, metadata, exception));
        } catch (RuntimeException e) {
            complete(future, record, envelope, null, e);
        }
        return future;
    }

    /**
     * Publishes many events to their types' default topics and waits for every outcome.
     *
     * @param envelopes the events
     * @return one outcome per event, in the given order; a failure of one never drops another
     */
    public List<PublishOutcome> publishAllEnvelopes(Collection<? extends EventEnvelope<?>> envelopes) {
        List<PublishRequest> requests = new ArrayList<>(envelopes.size());
        envelopes.forEach(envelope -> requests.add(PublishRequest.of(envelope)));
        return publishAll(requests);
    }

    /**
     * Publishes many events and waits for every outcome. The events are sent at once, so
     * Kafka batches them; the wait for each is bounded by the send timeout.
     *
     * @param requests the events and their routing
     * @return one outcome per request, in the given order
     */
    public List<PublishOutcome> publishAll(Collection<PublishRequest> requests) {
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>(requests.size());
        for (PublishRequest request : requests) {
            futures.add(publishAsync(request));
        }
        List<PublishOutcome> outcomes = new ArrayList<>(requests.size());
        int index = 0;
        for (PublishRequest request : requests) {
            CompletableFuture<PublishResult> future = futures.get(index++);
            try {
                outcomes.add(new PublishOutcome(request, waitFor(future, request), null));
            } catch (CommonCoreException e) {
                outcomes.add(new PublishOutcome(request, null, e));
            }
        }
        return outcomes;
    }

    /**
     * Sends everything buffered and waits until the broker has acknowledged or rejected it.
     */
    public void flush() {
        producer.flush();
    }

    /**
     * Returns the settings this publisher runs with.
     *
     * @return the settings
     */
    public PublisherSettings settings() {
        return settings;
    }

    /**
     * Flushes and closes the producer, waiting at most 30 seconds. Later calls do nothing.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            producer.close(CLOSE_TIMEOUT);
            LOG.info("Closed event publisher");
        }
    }

    private PublishResult waitFor(CompletableFuture<PublishResult> future, PublishRequest request) {
        try {
            return future.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException(FailureReason.PUBLISH_FAILED, request.topic(), request.envelope().eventType(),
                    request.envelope().eventId(), "no acknowledgement within " + settings.sendTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(FailureReason.PUBLISH_FAILED, request.topic(), request.envelope().eventType(),
                    request.envelope().eventId(), "interrupted while waiting for the acknowledgement", e);
        }
    }

    private ProducerRecord<byte[], byte[]> toRecord(PublishRequest request) {
        EventEnvelope<?> envelope = request.envelope();
        String topic = request.topic() != null
                ? request.topic()
                : codec.registry().find(envelope.eventType())
                        .orElseThrow(() -> new PublishException(FailureReason.UNKNOWN_EVENT_TYPE, null, envelope.eventType(),
                                envelope.eventId(), "the event type is not registered, so it has no default topic", null))
                        .requireTopic();
        if (closed.get()) {
            throw new PublishException(FailureReason.PUBLISH_FAILED, topic, envelope.eventType(), envelope.eventId(),
                    "the publisher is closed", null);
        }
        byte[] value = codec.encode(envelope);
        if (value.length > settings.maxEventBytes()) {
            throw new PublishException(FailureReason.TOO_LARGE, topic, envelope.eventType(), envelope.eventId(),
                    "the encoded event is " + value.length + " bytes, over the limit of " + settings.maxEventBytes()
                            + " bytes: store the text elsewhere and send a reference to it", null);
        }
        byte[] key = request.effectiveKey().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, value);
        EventHeaders.write(record.headers(), envelope, request.traceparent());
        return record;
    }

    private static void complete(CompletableFuture<PublishResult> future, ProducerRecord<byte[], byte[]> record,
            EventEnvelope<?> envelope, RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            future.complete(new PublishResult(envelope.eventId(), metadata.topic(), metadata.partition(), metadata.offset()));
            return;
        }
        FailureReason reason = exception instanceof RecordTooLargeException ? FailureReason.TOO_LARGE : FailureReason.PUBLISH_FAILED;
        LOG.warn("Failed to publish event to topic {}: event_type={} event_id={} correlation_id={}: {}: {}",
                record.topic(), envelope.eventType(), envelope.eventId(), envelope.correlationId(),
                exception.getClass().getSimpleName(), exception.getMessage());
        future.completeExceptionally(new PublishException(reason, record.topic(), envelope.eventType(), envelope.eventId(),
                exception.getClass().getSimpleName() + ": " + exception.getMessage(), exception));
    }

    private static CommonCoreException unwrap(Throwable cause) {
        Throwable actual = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        if (actual instanceof CommonCoreException ours) {
            return ours;
        }
        return new CommonCoreException(FailureReason.PUBLISH_FAILED, "failed to publish: " + actual.getClass().getSimpleName(), actual);
    }
}
