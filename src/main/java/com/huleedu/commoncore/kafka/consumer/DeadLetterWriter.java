package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.json.WireInstants;
import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Copies a failed record to its dead-letter topic and waits for the acknowledgement.
 *
 * <p>Key, value and headers are copied byte for byte; the diagnostic headers of
 * {@link DeadLetterHeaders} are added after removing any earlier ones. Used only on the
 * consumer's thread.
 */
final class DeadLetterWriter implements AutoCloseable {

    private static final int MAX_MESSAGE_CHARS = 300;

    private final Producer<byte[], byte[]> producer;
    private final ConsumerSettings settings;
    private final Clock clock;

    DeadLetterWriter(ConsumerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.producer = KafkaSettings.create(() -> new KafkaProducer<>(settings.deadLetterProducerProperties()),
                "dead-letter producer");
    }

    /**
     * Writes the dead-letter record and waits for the broker.
     *
     * @throws DeadLetterWriteException if the broker does not acknowledge within the timeout
     */
    RecordMetadata write(ConsumerRecord<byte[], byte[]> record, RecordFailure failure) {
        String topic = settings.deadLetterTopic(record.topic());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                headers.add(header.key(), header.value());
            }
        }
        EventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TOPIC, record.topic());
        EventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(record.partition()));
        EventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(record.offset()));
        EventHeaders.put(headers, DeadLetterHeaders.ORIGINAL_TIMESTAMP, WireInstants.format(Instant.ofEpochMilli(record.timestamp())));
        EventHeaders.put(headers, DeadLetterHeaders.CONSUMER_GROUP, settings.groupId());
        EventHeaders.put(headers, DeadLetterHeaders.FAILURE_REASON, failure.reason().headerValue());
        EventHeaders.put(headers, DeadLetterHeaders.EXCEPTION_CLASS, failure.exceptionClass());
        EventHeaders.put(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, shorten(failure.message()));
        EventHeaders.put(headers, DeadLetterHeaders.FAILED_AT, WireInstants.format(clock.instant()));
        EventHeaders.put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(failure.attempts()));

        ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
        long timeoutMillis = settings.deadLetterTimeout().toMillis();
        try {
            return producer.send(deadLetter).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new DeadLetterWriteException(topic, e.getCause());
        } catch (TimeoutException e) {
            throw new DeadLetterWriteException(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterWriteException(topic, e);
        } catch (RuntimeException e) {
            throw new DeadLetterWriteException(topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(settings.deadLetterTimeout());
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
    }

    /** The dead-letter topic did not acknowledge the record. */
    static final class DeadLetterWriteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeadLetterWriteException(String topic, Throwable cause) {
            super("failed to write to dead-letter topic " + topic + ": "
                    + (cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage()), cause);
        }
    }
}
