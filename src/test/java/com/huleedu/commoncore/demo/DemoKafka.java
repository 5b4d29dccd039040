package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.kafka.PublisherSettings;
import com.huleedu.commoncore.kafka.consumer.ConsumerSettings;
import com.huleedu.commoncore.kafka.consumer.DeadLetterHeaders;
import com.huleedu.commoncore.kafka.consumer.RetryPolicy;
import com.huleedu.commoncore.testing.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The demo's Kafka plumbing: client settings with short time-outs, topic creation, and reading
 * back the dead-letter topic and the offsets at the end.
 */
final class DemoKafka {

    /** Partitions of the requests and results topics. */
    static final int PARTITIONS = 3;

    private static final int REQUEST_TIMEOUT_MS = 10_000;
    private static final int DELIVERY_TIMEOUT_MS = 15_000;

    private final String bootstrapServers;

    DemoKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Admin createAdmin() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        return Admin.create(config);
    }

    /**
     * Creates the topics with the cluster's default replication factor and waits until every
     * partition has a leader.
     *
     * @throws Deadline.DemoTimeoutException if the deadline passes first
     * @throws IllegalStateException if the cluster rejects a topic
     */
    void createTopics(Admin admin, DemoTopics topics, Deadline deadline) {
        createTopic(admin, topics.requests(), PARTITIONS, deadline);
        createTopic(admin, topics.requestsDeadLetter(), 1, deadline);
        createTopic(admin, topics.results(), PARTITIONS, deadline);
        createTopic(admin, topics.resultsDeadLetter(), 1, deadline);
    }

    private static void createTopic(Admin admin, String topic, int partitions, Deadline deadline) {
        try {
            KafkaTopics.create(admin, topic, partitions, deadline.remaining());
        } catch (IllegalStateException e) {
            if (deadline.isExpired()) {
                throw new Deadline.DemoTimeoutException("timed out after " + deadline.total().toSeconds()
                        + " s creating topic " + topic + ": " + e.getMessage());
            }
            throw e;
        }
    }

    /** Returns publisher settings whose synchronous publish gives up after 20 s. */
    PublisherSettings publisherSettings() {
        return PublisherSettings.builder(bootstrapServers)
                .kafkaProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS)
                .kafkaProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS)
                .kafkaProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, REQUEST_TIMEOUT_MS)
                .sendTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** Creates the byte producer that sends records past the publisher, with the same delivery guarantees. */
    KafkaProducer<byte[], byte[]> createRawProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Returns consumer settings with quick polls and retries: 5 attempts, waiting 100 ms doubling to at most 2 s. */
    ConsumerSettings consumerSettings(String groupId, String topic) {
        return ConsumerSettings.builder(bootstrapServers, groupId, topic)
                .pollTimeout(Duration.ofMillis(200))
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofSeconds(2)))
                .deadLetterTimeout(Duration.ofSeconds(10))
                .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .consumerProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000)
                .build();
    }

    /**
     * Reads the dead-letter topic from the beginning to its end offsets and writes one line per
     * record.
     *
     * @return the number of records per failure reason, and the reason per original record
     */
    DeadLetters readDeadLetters(String topic, JsonLines out, Deadline deadline) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, String> reasonByRecord = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, deadline.remaining()).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, deadline.remaining());
            while (!reachedEnd(consumer, end)) {
                if (deadline.isExpired()) {
                    throw new Deadline.DemoTimeoutException("timed out after " + deadline.total().toSeconds()
                            + " s reading back dead-letter topic " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, Object> line = deadLetterLine(record);
                    byReason.merge(String.valueOf(line.get("reason")), 1L, Long::sum);
                    reasonByRecord.put(line.get("original_topic") + "-" + line.get("original_partition") + "@"
                            + line.get("original_offset"), String.valueOf(line.get("reason")));
                    out.write(line);
                }
            }
        }
        return new DeadLetters(byReason, reasonByRecord);
    }

    /**
     * The dead-letter records read back.
     *
     * @param byReason number of records per failure reason
     * @param reasonByRecord failure reason by original {@code topic-partition@offset}, where the
     *        last one wins for a record dead-lettered twice
     */
    record DeadLetters(Map<String, Long> byReason, Map<String, String> reasonByRecord) {
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> deadLetterLine(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        line.put("original_topic", header(record, DeadLetterHeaders.ORIGINAL_TOPIC));
        line.put("original_partition", toLong(header(record, DeadLetterHeaders.ORIGINAL_PARTITION)));
        line.put("original_offset", toLong(header(record, DeadLetterHeaders.ORIGINAL_OFFSET)));
        line.put("reason", header(record, DeadLetterHeaders.FAILURE_REASON));
        line.put("exception_class", header(record, DeadLetterHeaders.EXCEPTION_CLASS));
        line.put("exception_message", header(record, DeadLetterHeaders.EXCEPTION_MESSAGE));
        line.put("attempts", toLong(header(record, DeadLetterHeaders.ATTEMPTS)));
        line.put("dead_letter_record", record.topic() + "-" + record.partition() + "@" + record.offset());
        JsonLines.putValue(line, record.value());
        return line;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return EventHeaders.lastValue(record.headers(), name).orElse(null);
    }

    private static Long toLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Reads the committed offset of a group and the end offset of every partition of a topic.
     *
     * @return one entry per partition in partition order, with {@code committed} -1 when the group has committed none
     */
    List<PartitionOffsets> offsets(Admin admin, String groupId, String topic, Deadline deadline) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(request).all().get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
            List<PartitionOffsets> result = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                TopicPartition key = new TopicPartition(topic, partition);
                OffsetAndMetadata offset = committed.get(key);
                result.add(new PartitionOffsets(partition, offset == null ? -1 : offset.offset(), ends.get(key).offset()));
            }
            return result;
        } catch (TimeoutException e) {
            throw new Deadline.DemoTimeoutException("timed out after " + deadline.total().toSeconds()
                    + " s reading the offsets of group " + groupId);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the offsets of group " + groupId + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Deadline.DemoTimeoutException("interrupted while reading the offsets of group " + groupId);
        }
    }

    /**
     * Offsets of one partition of the requests topic.
     *
     * @param partition the partition
     * @param committed the group's committed offset, -1 if none
     * @param end the end offset (the offset the next record will get)
     */
    record PartitionOffsets(int partition, long committed, long end) {
    }
}
