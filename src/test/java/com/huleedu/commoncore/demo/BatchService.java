package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.demo.RequestSamples.Outgoing;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventPublisher;
import com.huleedu.commoncore.kafka.PublishRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The demo's batch service: sends the spellcheck requests and records where each one landed.
 *
 * <p>Valid requests go through the {@link EventPublisher}, with common-core's headers. Bad
 * samples and the files of {@code --input} go through a raw byte producer without headers,
 * because the publisher validates first and would never send them. A Python outbox relay
 * sends its records the same way.
 */
final class BatchService {

    /** Sender name of records sent through the {@link EventPublisher}. */
    static final String EVENT_PUBLISHER = "event_publisher";
    /** Sender name of records sent as raw bytes. */
    static final String RAW_PRODUCER = "raw_producer";

    /**
     * One acknowledged record.
     *
     * @param key the record key
     * @param topic the topic
     * @param partition the partition
     * @param offset the offset
     * @param expected the expected outcome, or {@code null} when unknown
     */
    record Published(String key, String topic, int partition, long offset, String expected) {

        String coordinates() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private record Coordinates(int partition, long offset) {
    }

    private final EventPublisher publisher;
    private final Producer<byte[], byte[]> rawProducer;
    private final EventCodec codec;
    private final String topic;
    private final JsonLines log;
    private final AtomicLong acknowledged = new AtomicLong();
    private final List<Published> published = new ArrayList<>();

    BatchService(EventPublisher publisher, Producer<byte[], byte[]> rawProducer, EventCodec codec, String topic, JsonLines log) {
        this.publisher = publisher;
        this.rawProducer = rawProducer;
        this.codec = codec;
        this.topic = topic;
        this.log = log;
    }

    /**
     * Reads every {@code *.json} file of a directory, in name order, as one raw record keyed by
     * the file name without {@code .json}.
     */
    static List<Outgoing> readInputDirectory(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.json")) {
            stream.forEach(file -> {
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            });
        }
        files.sort(null);
        List<Outgoing> records = new ArrayList<>(files.size());
        for (Path file : files) {
            String name = file.getFileName().toString();
            records.add(new Outgoing(name.substring(0, name.length() - ".json".length()), null, Files.readAllBytes(file), null));
        }
        return records;
    }

    /** Returns the number of records acknowledged so far. Safe to call from any thread. */
    long acknowledged() {
        return acknowledged.get();
    }

    /**
     * Returns the records acknowledged and logged so far, in sending order. After a failed
     * {@link #publish} these are the ones before the failure.
     */
    List<Published> published() {
        return List.copyOf(published);
    }

    /**
     * Sends every record without waiting in between, then waits for each acknowledgement and
     * writes one line per record to {@code published.jsonl}, in sending order.
     *
     * @throws Deadline.DemoTimeoutException if an acknowledgement does not arrive before the deadline
     * @throws IllegalStateException if Kafka rejects a record
     */
    void publish(List<Outgoing> records, Deadline deadline) {
        List<CompletableFuture<Coordinates>> futures = new ArrayList<>(records.size());
        List<byte[]> values = new ArrayList<>(records.size());
        for (Outgoing record : records) {
            if (record.isEnvelope()) {
                values.add(codec.encode(record.envelope()));
                futures.add(publisher.publishAsync(PublishRequest.of(record.envelope()).toTopic(topic).withKey(record.key()))
                        .thenApply(result -> acknowledge(result.partition(), result.offset())));
            } else {
                values.add(record.rawValue());
                futures.add(sendRaw(record));
            }
        }

        for (int i = 0; i < records.size(); i++) {
            Outgoing record = records.get(i);
            Coordinates at = await(futures.get(i), record, deadline);
            Published entry = new Published(record.key(), topic, at.partition(), at.offset(), record.expected());
            published.add(entry);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("topic", topic);
            line.put("partition", at.partition());
            line.put("offset", at.offset());
            line.put("key", record.key());
            line.put("sender", record.isEnvelope() ? EVENT_PUBLISHER : RAW_PRODUCER);
            line.put("expected", record.expected());
            JsonLines.putValue(line, values.get(i));
            log.write(line);
        }
    }

    private CompletableFuture<Coordinates> sendRaw(Outgoing record) {
        CompletableFuture<Coordinates> future = new CompletableFuture<>();
        ProducerRecord<byte[], byte[]> producerRecord = new ProducerRecord<>(topic,
                record.key().getBytes(StandardCharsets.UTF_8), record.rawValue());
        rawProducer.send(producerRecord, (metadata, exception) -> {
            if (exception != null) {
                future.completeExceptionally(exception);
            } else {
                future.complete(acknowledge(metadata.partition(), metadata.offset()));
            }
        });
        return future;
    }

    private Coordinates acknowledge(int partition, long offset) {
        acknowledged.incrementAndGet();
        return new Coordinates(partition, offset);
    }

    private static Coordinates await(CompletableFuture<Coordinates> future, Outgoing record, Deadline deadline) {
        try {
            return future.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Deadline.DemoTimeoutException("timed out after " + deadline.total().toSeconds()
                    + " s waiting for the acknowledgement of request " + record.key());
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing request " + record.key() + " failed: "
                    + e.getCause().getClass().getName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deadline.DemoTimeoutException("interrupted while waiting for the acknowledgement of request "
                    + record.key());
        }
    }
}
