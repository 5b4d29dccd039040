package com.huleedu.commoncore.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.testing.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Shared steps of the publisher tests: events to send, publisher settings for the test broker,
 * and records read back from a topic.
 */
final class PublisherTestKit {

    /** Bound of every wait for the broker in these tests. */
    static final Duration WAIT = Duration.ofSeconds(60);
    static final EventCodec CODEC = EventCodec.withDefaults();
    static final EventFactory FACTORY = EventFactory.forService("publisher-test", CODEC.registry());
    /** Essay text that must never show up in logs or exception messages. */
    static final String ESSAY_TEXT = "Min hemliga uppsats om sommarlovet i Kiruna";

    private PublisherTestKit() {
    }

    /** Creates a valid spellcheck request that starts a new flow. */
    static EventEnvelope<SpellcheckRequestedDataV1> request(String text) {
        return FACTORY.create(SpellcheckRequestedDataV1.of(text, "sv-SE"));
    }

    /** Creates a valid spellcheck request of an existing flow. */
    static EventEnvelope<SpellcheckRequestedDataV1> request(String text, UUID correlationId) {
        return FACTORY.create(SpellcheckRequestedDataV1.of(text, "sv-SE"), correlationId);
    }

    /** Starts settings for the test broker, with {@code max.block.ms} bounded so that no send blocks a test for long. */
    static PublisherSettings.Builder settings(KafkaBroker broker) {
        return PublisherSettings.builder(broker.bootstrapServers())
                .kafkaProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000)
                .sendTimeout(WAIT);
    }

    static EventPublisher publisher(KafkaBroker broker) {
        return EventPublisher.create(settings(broker).build(), CODEC);
    }

    /** Reads the one record at a partition and offset. */
    static ConsumerRecord<byte[], byte[]> readRecord(KafkaBroker broker, String topic, int partition, long offset) {
        TopicPartition topicPartition = new TopicPartition(topic, partition);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
            consumer.assign(List.of(topicPartition));
            consumer.seek(topicPartition, offset);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record at " + topicPartition + "@" + offset + " within " + WAIT.toSeconds() + " s");
    }

    /** Reads every record of a topic, up to the end offsets at the time of the call. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaBroker broker, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!reachedEnd(consumer, endOffsets)) {
                assertThat(System.nanoTime()).as("time left to read topic %s", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Returns the number of records in a topic: the sum of its partitions' end offsets. */
    static long recordCount(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(request).all()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }

    /** Returns the last value of a header, or {@code null} when the record has none. */
    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return EventHeaders.lastValue(record.headers(), name).orElse(null);
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey(), WAIT) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> consumerConfig(KafkaBroker broker) {
        Map<String, Object> config = broker.clientProperties();
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }
}
