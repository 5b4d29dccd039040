package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Settings of an {@link EventConsumer}: group, topics, retries, commits, dead-lettering, and
 * any Kafka property passed through.
 *
 * <p>Defaults: {@link RetryPolicy#DEFAULT}; commit after every poll that finished records
 * ({@code commitInterval} zero); {@code max.poll.records=500}; poll timeout 500 ms;
 * dead-letter topic {@code <topic>.DLQ}; unhandled event types dead-lettered. Kafka consumer
 * defaults: {@code enable.auto.commit=false} (always), {@code auto.offset.reset=earliest},
 * byte-array deserializers (always). The dead-letter producer uses {@code acks=all} and
 * idempotence. Immutable.
 */
public final class ConsumerSettings {

    /** Default suffix of dead-letter topics. */
    public static final String DEFAULT_DEAD_LETTER_SUFFIX = ".DLQ";
    /** Default {@code max.poll.records}. */
    public static final int DEFAULT_MAX_POLL_RECORDS = 500;
    /** Default time one {@code poll} waits for records. */
    public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofMillis(500);
    /** Default time a dead-letter write waits for its acknowledgement. */
    public static final Duration DEFAULT_DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    /** The handling of records whose event type is registered but has no handler here. */
    public enum UnhandledEventType {
        /** Write it to the dead-letter topic (default: nothing is skipped silently). */
        DEAD_LETTER,
        /** Mark it done without handling and count it, for topics shared by several event types. */
        IGNORE
    }

    private final String groupId;
    private final List<String> topics;
    private final RetryPolicy retryPolicy;
    private final Duration commitInterval;
    private final Duration pollTimeout;
    private final Duration deadLetterTimeout;
    private final String deadLetterSuffix;
    private final UnhandledEventType unhandledEventType;
    private final Set<Class<? extends Throwable>> nonRetryable;
    private final Map<String, Object> consumerProperties;
    private final Map<String, Object> deadLetterProducerProperties;

    private ConsumerSettings(Builder builder) {
        this.groupId = builder.groupId;
        this.topics = List.copyOf(builder.topics);
        this.retryPolicy = builder.retryPolicy;
        this.commitInterval = builder.commitInterval;
        this.pollTimeout = builder.pollTimeout;
        this.deadLetterTimeout = builder.deadLetterTimeout;
        this.deadLetterSuffix = builder.deadLetterSuffix;
        this.unhandledEventType = builder.unhandledEventType;
        this.nonRetryable = Set.copyOf(builder.nonRetryable);

        Map<String, Object> consumer = new LinkedHashMap<>();
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, DEFAULT_MAX_POLL_RECORDS);
        consumer.putAll(builder.clientProperties);
        consumer.putAll(builder.consumerProperties);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumerProperties = Collections.unmodifiableMap(consumer);

        Map<String, Object> producer = new LinkedHashMap<>();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(deadLetterTimeout.toMillis(), 1000));
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(deadLetterTimeout.toMillis(), 1000));
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deadLetterTimeout.toMillis());
        producer.putAll(builder.clientProperties);
        producer.putAll(builder.deadLetterProducerProperties);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.deadLetterProducerProperties = Collections.unmodifiableMap(producer);
    }

    /**
     * Starts a builder.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}
     * @param groupId the consumer group
     * @param topics the topics to subscribe to, at least one
     * @return a new builder
     */
    public static Builder builder(String bootstrapServers, String groupId, String... topics) {
        return new Builder(bootstrapServers, groupId, List.of(topics));
    }

    /**
     * Returns the consumer group.
     *
     * @return the group id
     */
    public String groupId() {
        return groupId;
    }

    /**
     * Returns the subscribed topics.
     *
     * @return an immutable list
     */
    public List<String> topics() {
        return topics;
    }

    /**
     * Returns the retry policy for failing handlers.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Returns the least time between two commits; zero commits after every poll that finished records.
     *
     * @return the interval
     */
    public Duration commitInterval() {
        return commitInterval;
    }

    /**
     * Returns how long one {@code poll} waits for records.
     *
     * @return the poll timeout
     */
    public Duration pollTimeout() {
        return pollTimeout;
    }

    /**
     * Returns how long a dead-letter write waits for its acknowledgement before it counts as failed.
     *
     * @return the timeout
     */
    public Duration deadLetterTimeout() {
        return deadLetterTimeout;
    }

    /**
     * Returns the dead-letter topic of a source topic.
     *
     * @param topic the source topic
     * @return the topic plus the dead-letter suffix
     */
    public String deadLetterTopic(String topic) {
        return topic + deadLetterSuffix;
    }

    /**
     * Returns what happens to records of registered event types without a handler.
     *
     * @return the policy
     */
    public UnhandledEventType unhandledEventType() {
        return unhandledEventType;
    }

    /**
     * Tells whether a handler exception goes to the dead-letter topic without retries.
     *
     * @param failure the exception a handler threw
     * @return {@code true} for {@link NonRetryableException} and the declared types and their subtypes
     */
    public boolean isNonRetryable(Throwable failure) {
        if (failure instanceof NonRetryableException) {
            return true;
        }
        for (Class<? extends Throwable> type : nonRetryable) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the effective Kafka consumer properties.
     *
     * @return an immutable map
     */
    public Map<String, Object> consumerProperties() {
        return consumerProperties;
    }

    /**
     * Returns the effective properties of the dead-letter producer.
     *
     * @return an immutable map
     */
    public Map<String, Object> deadLetterProducerProperties() {
        return deadLetterProducerProperties;
    }

    /**
     * Builder of {@link ConsumerSettings}. Not thread-safe.
     */
    public static final class Builder {
        private final String groupId;
        private final List<String> topics;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration commitInterval = Duration.ZERO;
        private Duration pollTimeout = DEFAULT_POLL_TIMEOUT;
        private Duration deadLetterTimeout = DEFAULT_DEAD_LETTER_TIMEOUT;
        private String deadLetterSuffix = DEFAULT_DEAD_LETTER_SUFFIX;
        private UnhandledEventType unhandledEventType = UnhandledEventType.DEAD_LETTER;
        private final Set<Class<? extends Throwable>> nonRetryable = new LinkedHashSet<>();
        private final Map<String, Object> clientProperties = new LinkedHashMap<>();
        private final Map<String, Object> consumerProperties = new LinkedHashMap<>();
        private final Map<String, Object> deadLetterProducerProperties = new LinkedHashMap<>();

        private Builder(String bootstrapServers, String groupId, List<String> topics) {
            requireText(bootstrapServers, "bootstrapServers");
            requireText(groupId, "groupId");
            if (topics.isEmpty()) {
                throw invalid("at least one topic is required");
            }
            topics.forEach(topic -> requireText(topic, "topic"));
            this.groupId = groupId;
            this.topics = topics;
            clientProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }

        /**
         * Sets the retry policy for failing handlers.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sets the least time between commits; zero (the default) commits after every poll.
         *
         * @param interval a duration of zero or more
         * @return this builder
         */
        public Builder commitInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("commitInterval must not be negative, but was " + interval);
            }
            this.commitInterval = interval;
            return this;
        }

        /**
         * Sets how long one {@code poll} waits for records.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = requirePositive(timeout, "pollTimeout");
            return this;
        }

        /**
         * Sets how long a dead-letter write waits for its acknowledgement.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder deadLetterTimeout(Duration timeout) {
            this.deadLetterTimeout = requirePositive(timeout, "deadLetterTimeout");
            return this;
        }

        /**
         * Sets the suffix that makes a dead-letter topic from a source topic.
         *
         * @param suffix for example {@code .DLQ}
         * @return this builder
         */
        public Builder deadLetterSuffix(String suffix) {
            requireText(suffix, "deadLetterSuffix");
            this.deadLetterSuffix = suffix;
            return this;
        }

        /**
         * Sets what happens to records of registered event types without a handler.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder unhandledEventType(UnhandledEventType policy) {
            this.unhandledEventType = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Declares a handler exception type (and its subtypes) as non-retryable.
         *
         * @param type the exception type
         * @return this builder
         */
        public Builder nonRetryable(Class<? extends Throwable> type) {
            nonRetryable.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Sets a Kafka property of both the consumer and the dead-letter producer, such as
         * {@code security.protocol} or {@code sasl.jaas.config}.
         *
         * @param key the property name
         * @param value its value
         * @return this builder
         */
        public Builder clientProperty(String key, Object value) {
            clientProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets a Kafka consumer property. {@code group.id}, {@code enable.auto.commit} and the
         * deserializers are fixed and cannot be overridden.
         *
         * @param key the property name
         * @param value its value
         * @return this builder
         */
        public Builder consumerProperty(String key, Object value) {
            consumerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Sets a Kafka producer property of the dead-letter producer.
         *
         * @param key the property name
         * @param value its value
         * @return this builder
         */
        public Builder deadLetterProducerProperty(String key, Object value) {
            deadLetterProducerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws CommonCoreException with {@link FailureReason#INVALID_CONFIGURATION} if
         *         {@code enable.auto.commit=true} was requested
         */
        public ConsumerSettings build() {
            Object autoCommit = consumerProperties.getOrDefault(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    clientProperties.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
            if (autoCommit != null && Boolean.parseBoolean(autoCommit.toString())) {
                throw invalid("enable.auto.commit=true is not supported: the consumer commits only records that are done");
            }
            return new ConsumerSettings(this);
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, but was " + value);
            }
            return value;
        }

        private static void requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw invalid(name + " must not be blank");
            }
        }

        private static CommonCoreException invalid(String message) {
            return new CommonCoreException(FailureReason.INVALID_CONFIGURATION, message);
        }
    }
}
