package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventType;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An at-least-once consumer loop: polls bytes, decodes and validates them through the codec,
 * runs the registered handler, and commits a partition's offset only past records that are
 * done (handled, or acknowledged by the dead-letter topic).
 *
 * <p>A failing handler is retried with exponential backoff by pausing its partition and
 * seeking back to the record, so the loop keeps polling and never breaks
 * {@code max.poll.interval.ms}; later records of that partition wait, other partitions go on.
 * Undecodable bytes, invalid payloads, unknown event types and non-retryable exceptions go
 * to {@code <topic>.DLQ} at once; retryable ones when the attempts run out. If the
 * dead-letter write fails, the record stays uncommitted and is tried again.
 *
 * <p>Commits happen after each poll (or at the configured interval), when partitions are
 * revoked, and on shutdown. Threading: {@link #run()} occupies the calling thread (or use
 * {@link #start()}); {@link #wakeup()} and {@link #close()} may be called from any thread.
 * The current record is finished, the rest of the batch is abandoned uncommitted, done work is
 * committed, and a new consumer of the group resumes at the first record not done.
 */
public final class EventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventConsumer.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ConsumerSettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeadLetterWriter deadLetterWriter;
    private final RecordProcessor processor;
    private final ConsumerObserver observer;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<TopicPartition, Long> resumeAtNanos = new HashMap<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitFailures = new AtomicLong();
    private long lastCommitNanos = System.nanoTime();

    private EventConsumer(Builder builder) {
        this.settings = builder.settings;
        this.observer = builder.observer;
        this.consumer = KafkaSettings.create(() -> new KafkaConsumer<>(settings.consumerProperties()), "consumer");
        DeadLetterWriter writer;
        try {
            writer = new DeadLetterWriter(settings, Clock.systemUTC());
        } catch (CommonCoreException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        this.deadLetterWriter = writer;
        this.processor = new RecordProcessor(builder.codec, Map.copyOf(builder.handlers), settings, deadLetterWriter, observer);
        LOG.info("Created event consumer for group {} on topics {} with handlers for {} and settings {}",
                settings.groupId(), settings.topics(), builder.handlers.keySet(),
                KafkaSettings.redacted(settings.consumerProperties()));
    }

    /**
     * Starts a builder.
     *
     * @param settings the consumer settings
     * @param codec the codec that decodes and validates records
     * @return a new builder
     */
    public static Builder builder(ConsumerSettings settings, EventCodec codec) {
        return new Builder(settings, codec);
    }

    /**
     * Runs the poll loop on the calling thread until {@link #wakeup()} or {@link #close()}.
     *
     * @throws IllegalStateException if the consumer was already started
     * @throws KafkaException if Kafka fails in a way the loop cannot recover from; done work
     *         is committed first where possible
     */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the consumer of group " + settings.groupId() + " was already started");
        }
        try {
            consumer.subscribe(settings.topics(), new RebalanceListener());
            while (!stopRequested.get()) {
                resumeDuePartitions();
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(settings.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                for (TopicPartition partition : records.partitions()) {
                    if (stopRequested.get()) {
                        break;
                    }
                    processPartition(partition, records.records(partition));
                }
                commitIfDue();
            }
        } finally {
            shutDown();
        }
    }

    /**
     * Runs the poll loop on a new thread named after the group.
     *
     * @return the started thread
     */
    public Thread start() {
        Thread thread = new Thread(this::runLogged, "common-core-consumer-" + settings.groupId());
        thread.start();
        return thread;
    }

    /**
     * Asks the loop to stop after the current record, without waiting. Safe from any thread.
     */
    public void wakeup() {
        stopRequested.set(true);
        consumer.wakeup();
    }

    /**
     * Stops the loop, commits done work, closes the Kafka clients, and waits up to 30 seconds
     * for that. Safe from any thread and safe to call twice.
     */
    @Override
    public void close() {
        wakeup();
        if (!started.getAndSet(true)) {
            shutDown();
            return;
        }
        if (!awaitTermination(CLOSE_TIMEOUT)) {
            LOG.warn("Consumer of group {} did not stop within {} ms; the current handler is still running",
                    settings.groupId(), CLOSE_TIMEOUT.toMillis());
        }
    }

    /**
     * Waits for the loop to end.
     *
     * @param timeout the longest wait
     * @return {@code true} if the loop ended, {@code false} on timeout
     */
    public boolean awaitTermination(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Returns counts of what this consumer did so far. Safe from any thread.
     *
     * @return a snapshot of the counters
     */
    public ConsumerStats stats() {
        return new ConsumerStats(processor.handled.get(), processor.retried.get(), processor.deadLettered.get(),
                processor.ignored.get(), processor.deadLetterWriteFailures.get(), commits.get(), commitFailures.get());
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Consumer of group {} stopped after an unrecoverable error: {}: {}", settings.groupId(),
                    e.getClass().getName(), e.getMessage());
        }
    }

    private void processPartition(TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (stopRequested.get()) {
                return;
            }
            RecordProcessor.Outcome outcome = processor.process(record);
            if (outcome instanceof RecordProcessor.RetryAfter retry) {
                consumer.seek(partition, record.offset());
                consumer.pause(List.of(partition));
                resumeAtNanos.put(partition, System.nanoTime() + retry.backoff().toNanos());
                return;
            }
            offsets.markDone(partition, record.offset());
        }
    }

    private void resumeDuePartitions() {
        if (resumeAtNanos.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        Iterator<Map.Entry<TopicPartition, Long>> entries = resumeAtNanos.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<TopicPartition, Long> entry = entries.next();
            if (now - entry.getValue() >= 0) {
                if (consumer.assignment().contains(entry.getKey())) {
                    consumer.resume(List.of(entry.getKey()));
                }
                entries.remove();
            }
        }
    }

    private void commitIfDue() {
        if (!offsets.hasPending()) {
            return;
        }
        if (System.nanoTime() - lastCommitNanos < settings.commitInterval().toNanos()) {
            return;
        }
        commit(offsets.toCommit());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> toCommit) {
        if (toCommit.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(toCommit);
        } catch (WakeupException e) {
            // close() woke the consumer during the commit; the wakeup is used up, so try once more.
            consumer.commitSync(toCommit);
        } catch (KafkaException e) {
            // The offsets stay pending, so the next commit tries them again. Dropping them would
            // leave the committed offset behind for as long as no later record of the partition
            // is done, and a rebalance would deliver the done records again. Partitions that this
            // consumer loses are forgotten by the rebalance listener.
            commitFailures.incrementAndGet();
            LOG.warn("Commit of {} for group {} failed and is tried again with the next commit; if the partitions"
                    + " move to another consumer first, those records will be delivered again: {}: {}",
                    toCommit, settings.groupId(), e.getClass().getName(), e.getMessage());
            return;
        }
        offsets.committed(toCommit);
        commits.incrementAndGet();
        lastCommitNanos = System.nanoTime();
        LOG.debug("Committed {} for group {}", toCommit, settings.groupId());
        try {
            observer.onCommitted(Map.copyOf(toCommit));
        } catch (RuntimeException e) {
            LOG.warn("Consumer observer failed and was ignored: {}: {}", e.getClass().getName(), e.getMessage());
        }
    }

    private void shutDown() {
        try {
            commit(offsets.toCommit());
        } catch (KafkaException e) {
            LOG.warn("Final commit for group {} failed; uncommitted records will be delivered again: {}: {}",
                    settings.groupId(), e.getClass().getName(), e.getMessage());
        } finally {
            try {
                consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
            } catch (RuntimeException e) {
                LOG.warn("Closing the Kafka consumer of group {} failed: {}: {}", settings.groupId(), e.getClass().getName(), e.getMessage());
            }
            deadLetterWriter.close();
            stopped.countDown();
            LOG.info("Stopped event consumer for group {}: {}", settings.groupId(), stats());
        }
    }

    /** Commits done work before partitions move to another consumer, and drops their state. */
    private final class RebalanceListener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(offsets.toCommit(partitions));
            } catch (KafkaException e) {
                LOG.warn("Commit on revocation of {} failed; those records will be delivered again: {}: {}",
                        partitions, e.getClass().getName(), e.getMessage());
            }
            forget(partitions);
            LOG.info("Partitions revoked from group {}: {}", settings.groupId(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
            LOG.warn("Partitions lost by group {} without a commit; their uncommitted records will be delivered again: {}",
                    settings.groupId(), partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("Partitions assigned to group {}: {}", settings.groupId(), partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            offsets.forget(partitions);
            processor.forgetPartitions(partitions);
            partitions.forEach(resumeAtNanos::remove);
        }
    }

    /**
     * Builder of an {@link EventConsumer}: handlers per event type and an optional observer.
     * Not thread-safe.
     */
    public static final class Builder {
        private final ConsumerSettings settings;
        private final EventCodec codec;
        private final Map<String, EventHandler<Object>> handlers = new HashMap<>();
        private ConsumerObserver observer = new ConsumerObserver() {
        };

        private Builder(ConsumerSettings settings, EventCodec codec) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.codec = Objects.requireNonNull(codec, "codec");
        }

        /**
         * Registers the handler of the event type registered for a payload class.
         *
         * @param payloadClass the payload class; exactly one event type must be registered for it
         * @param handler the handler
         * @param <T> the payload type
         * @return this builder
         */
        public <T> Builder handle(Class<T> payloadClass, EventHandler<T> handler) {
            return handle(codec.registry().forPayload(payloadClass), handler);
        }

        /**
         * Registers the handler of an event type.
         *
         * @param type a type registered in the codec's registry
         * @param handler the handler
         * @param <T> the payload type
         * @return this builder
         * @throws CommonCoreException with {@link FailureReason#INVALID_REGISTRATION} if the type
         *         is not in the codec's registry or already has a handler
         */
        @SuppressWarnings("unchecked")
        public <T> Builder handle(EventType<T> type, EventHandler<T> handler) {
            Objects.requireNonNull(handler, "handler");
            if (codec.registry().find(type.name()).filter(type::equals).isEmpty()) {
                throw new CommonCoreException(FailureReason.INVALID_REGISTRATION, "event type " + type.name()
                        + " is not registered in the codec's registry: register it before adding a handler");
            }
            if (handlers.putIfAbsent(type.name(), (EventHandler<Object>) (EventHandler<?>) handler) != null) {
                throw new CommonCoreException(FailureReason.INVALID_REGISTRATION,
                        "event type " + type.name() + " already has a handler: register one handler per event type");
            }
            return this;
        }

        /**
         * Sets the observer of record outcomes.
         *
         * @param value the observer
         * @return this builder
         */
        public Builder observer(ConsumerObserver value) {
            this.observer = Objects.requireNonNull(value, "observer");
            return this;
        }

        /**
         * Builds the consumer and its Kafka clients; nothing is polled until {@link EventConsumer#run()}.
         *
         * @return the consumer
         * @throws CommonCoreException with {@link FailureReason#INVALID_CONFIGURATION} if no handler is registered
         */
        public EventConsumer build() {
            if (handlers.isEmpty()) {
                throw new CommonCoreException(FailureReason.INVALID_CONFIGURATION,
                        "no handler is registered: call handle(...) for each event type to consume");
            }
            return new EventConsumer(this);
        }
    }
}
