package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Settings of an {@link EventPublisher}: the Kafka producer properties with common-core's
 * defaults, the size guard and the time a synchronous publish waits.
 *
 * <p>Defaults, each overridable with {@link Builder#kafkaProperty(String, Object)}:
 * {@code acks=all}, {@code enable.idempotence=true}, {@code compression.type=lz4},
 * {@code linger.ms=5}, {@code max.in.flight.requests.per.connection=5},
 * {@code delivery.timeout.ms=120000}, byte-array key and value serializers. Immutable.
 */
public final class PublisherSettings {

    /** Default {@code linger.ms}: long enough to batch a burst, short enough for a waiting caller. */
    public static final int DEFAULT_LINGER_MS = 5;

    /** Default {@code compression.type}; lz4 is pure Java in kafka-clients and fast on both ends. */
    public static final String DEFAULT_COMPRESSION = "lz4";

    /** Kafka's default {@code max.request.size}. */
    public static final int KAFKA_DEFAULT_MAX_REQUEST_SIZE = 1_048_576;

    /** Room left under {@code max.request.size} for the key, headers and record batch overhead. */
    public static final int RECORD_OVERHEAD_ALLOWANCE = 16_384;

    /** Default time a synchronous publish waits for the broker's acknowledgement. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(130);

    private final Map<String, Object> kafkaProperties;
    private final int maxEventBytes;
    private final Duration sendTimeout;

    private PublisherSettings(Builder builder) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        properties.putAll(builder.overrides);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        if (!properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new CommonCoreException(FailureReason.INVALID_CONFIGURATION,
                    "bootstrap.servers is not set: call PublisherSettings.builder(bootstrapServers)");
        }
        this.kafkaProperties = Collections.unmodifiableMap(properties);
        int maxRequestSize = intSetting(properties, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KAFKA_DEFAULT_MAX_REQUEST_SIZE);
        this.maxEventBytes = builder.maxEventBytes != null
                ? builder.maxEventBytes
                : Math.max(1024, maxRequestSize - RECORD_OVERHEAD_ALLOWANCE);
        this.sendTimeout = builder.sendTimeout;
    }

    /**
     * Starts a builder for a cluster.
     *
     * @param bootstrapServers Kafka's {@code bootstrap.servers}, for example {@code 127.0.0.1:9092}
     * @return a new builder
     */
    public static Builder builder(String bootstrapServers) {
        return new Builder().kafkaProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /**
     * Returns the effective producer properties: defaults, then overrides, then the serializers.
     *
     * @return an immutable map
     */
    public Map<String, Object> kafkaProperties() {
        return kafkaProperties;
    }

    /**
     * Returns the largest encoded envelope the publisher sends; larger ones fail at once.
     *
     * @return the limit in bytes; by default {@code max.request.size} minus {@value #RECORD_OVERHEAD_ALLOWANCE}
     */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /**
     * Returns how long a synchronous publish waits for the acknowledgement.
     *
     * @return the timeout
     */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    private static int intSetting(Map<String, Object> properties, String key, int fallback) {
        Object value = properties.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new CommonCoreException(FailureReason.INVALID_CONFIGURATION,
                    key + " must be an integer number of bytes, but was '" + value + "'");
        }
    }

    /**
     * Builder of {@link PublisherSettings}. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Object> overrides = new LinkedHashMap<>();
        private Integer maxEventBytes;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;

        private Builder() {
        }

        /**
         * Sets any Kafka producer property, overriding common-core's default. The key and value
         * serializers are always byte arrays and cannot be changed.
         *
         * @param key the Kafka property name, such as {@code linger.ms}
         * @param value its value
         * @return this builder
         */
        public Builder kafkaProperty(String key, Object value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, () -> "value of Kafka property " + key);
            overrides.put(key, value);
            return this;
        }

        /**
         * Sets several Kafka producer properties.
         *
         * @param properties property names and values
         * @return this builder
         */
        public Builder kafkaProperties(Map<String, ?> properties) {
            properties.forEach(this::kafkaProperty);
            return this;
        }

        /**
         * Sets the size guard: envelopes encoded larger than this fail before any network call.
         *
         * @param bytes the limit, at least 1,024
         * @return this builder
         * @throws IllegalArgumentException if the limit is below 1,024
         */
        public Builder maxEventBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxEventBytes must be at least 1024, but was " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /**
         * Sets how long a synchronous publish waits for the acknowledgement.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the timeout is zero or negative
         */
        public Builder sendTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("sendTimeout must be positive, but was " + timeout);
            }
            this.sendTimeout = timeout;
            return this;
        }

        /**
         * Builds the settings.
         *
         * <p>Only {@code max.request.size} is checked here. Kafka checks every other property when
         * {@link EventPublisher#create} builds the producer, which then fails with
         * {@link FailureReason#INVALID_CONFIGURATION}.
         *
         * @return the settings
         * @throws CommonCoreException with {@link FailureReason#INVALID_CONFIGURATION} if
         *         {@code max.request.size} is not an integer
         */
        public PublisherSettings build() {
            return new PublisherSettings(this);
        }
    }
}
