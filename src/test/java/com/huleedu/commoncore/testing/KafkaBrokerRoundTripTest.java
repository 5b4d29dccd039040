package com.huleedu.commoncore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

@RealKafka
class KafkaBrokerRoundTripTest {

    private static final int RECORD_COUNT = 10;
    private static final Duration POLL_BOUND = Duration.ofSeconds(30);

    @Test
    void groupConsumerCommitsOffsets(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("round-trip");
        String groupId = UniqueNames.groupId("round-trip");
        broker.createTopic(topic, 2);

        List<String> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
            for (int i = 0; i < RECORD_COUNT; i++) {
                String value = "value-" + i;
                producer.send(new ProducerRecord<>(topic, "key-" + i, value))
                        .get(30, TimeUnit.SECONDS);
                sent.add(value);
            }
        }

        List<String> received = new ArrayList<>();
        TopicPartition partition0 = new TopicPartition(topic, 0);
        TopicPartition partition1 = new TopicPartition(topic, 1);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig(broker, groupId))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + POLL_BOUND.toNanos();
            while (received.size() < RECORD_COUNT && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
            consumer.commitSync(Duration.ofSeconds(30));

            Map<TopicPartition, OffsetAndMetadata> committed =
                    consumer.committed(Set.of(partition0, partition1), Duration.ofSeconds(30));
            Map<TopicPartition, Long> endOffsets =
                    consumer.endOffsets(List.of(partition0, partition1), Duration.ofSeconds(30));
            assertThat(committed.get(partition0).offset()).isEqualTo(endOffsets.get(partition0));
            assertThat(committed.get(partition1).offset()).isEqualTo(endOffsets.get(partition1));
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);

        Map<TopicPartition, OffsetAndMetadata> groupOffsets =
                admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
        long committedTotal =
                groupOffsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        assertThat(committedTotal).isEqualTo(RECORD_COUNT);
    }

    @Test
    void topicHelperWaitsForLeaders(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("helper");

        broker.createTopic(topic, 3);

        var description =
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS)
                        .get(topic);
        assertThat(description.partitions()).hasSize(3);
        assertThat(description.partitions()).allSatisfy(p -> assertThat(p.leader()).isNotNull());
    }

    static Map<String, Object> producerConfig(KafkaBroker broker) {
        Map<String, Object> config = broker.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return config;
    }

    static Map<String, Object> consumerConfig(KafkaBroker broker, String groupId) {
        Map<String, Object> config = broker.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}
