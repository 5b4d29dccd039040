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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kills the shared broker with SIGKILL while a producer is sending, restarts it, and checks that
 * nothing acknowledged or committed was lost.
 */
@RealKafka
class BrokerKillRestartTest {

    private static final int PARTITIONS = 3;
    private static final int COMMITTED_RECORDS = 60;
    private static final int RECORDS_TO_SEND = 20_000;
    private static final int ACKS_BEFORE_KILL = 500;
    private static final Duration BOUND = Duration.ofSeconds(60);

    /** Position that the broker returned for an acknowledged record. */
    private record Ack(int partition, long offset) {}

    @Test
    void acknowledgedRecordsSurviveSigkill(KafkaBroker broker, Admin admin) throws Exception {
        broker.assumeFaultControl();
        String topic = UniqueNames.topic("kill-restart");
        String groupId = UniqueNames.groupId("kill-restart");
        broker.createTopic(topic, PARTITIONS);
        Map<TopicPartition, OffsetAndMetadata> committedBefore =
                produceAndCommit(broker, topic, groupId);
        assertThat(committedBefore).isNotEmpty();

        Map<Ack, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failedSends = new AtomicInteger();
        AtomicReference<Exception> producerError = new AtomicReference<>();
        Map<String, Object> config = KafkaBrokerRoundTripTest.producerConfig(broker);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) BOUND.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) BOUND.toMillis());

        int acksAtKill;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            Thread sender =
                    new Thread(
                            () ->
                                    sendAll(
                                            producer,
                                            topic,
                                            acknowledged,
                                            failedSends,
                                            producerError),
                            "kill-restart-sender");
            sender.start();

            awaitAcks(acknowledged, ACKS_BEFORE_KILL);
            broker.kill();
            acksAtKill = acknowledged.size();
            broker.restart();

            sender.join(BOUND.toMillis());
            assertThat(sender.isAlive()).as("sender thread finished").isFalse();
            producer.flush();
        }
        assertThat(producerError.get()).as("exception thrown by send()").isNull();
        assertThat(acknowledged.size())
                .as(
                        "records acknowledged after the restart, so production spanned the kill"
                                + " (sends that failed: %d)",
                        failedSends.get())
                .isGreaterThan(acksAtKill);

        Map<Ack, String> stored = readAll(broker, topic);
        for (Map.Entry<Ack, String> ack : acknowledged.entrySet()) {
            assertThat(stored.get(ack.getKey()))
                    .as("record at %s", ack.getKey())
                    .isEqualTo(ack.getValue());
        }

        Map<TopicPartition, OffsetAndMetadata> committedAfter =
                admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get(60, TimeUnit.SECONDS);
        assertThat(committedAfter).isEqualTo(committedBefore);
    }

    private static Map<TopicPartition, OffsetAndMetadata> produceAndCommit(
            KafkaBroker broker, String topic, String groupId) throws Exception {
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(KafkaBrokerRoundTripTest.producerConfig(broker))) {
            for (int i = 0; i < COMMITTED_RECORDS; i++) {
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(topic, "key-" + i, "committed-" + i);
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(KafkaBrokerRoundTripTest.consumerConfig(broker, groupId))) {
            consumer.subscribe(List.of(topic));
            int received = 0;
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (received < COMMITTED_RECORDS && System.nanoTime() < deadline) {
                received += consumer.poll(Duration.ofMillis(200)).count();
            }
            assertThat(received)
                    .as("records consumed before the commit")
                    .isEqualTo(COMMITTED_RECORDS);
            consumer.commitSync(Duration.ofSeconds(30));
            Set<TopicPartition> partitions = consumer.assignment();
            return consumer.committed(partitions, Duration.ofSeconds(30));
        }
    }

    private static void sendAll(
            KafkaProducer<String, String> producer,
            String topic,
            Map<Ack, String> acknowledged,
            AtomicInteger failedSends,
            AtomicReference<Exception> producerError) {
        try {
            for (int i = 0; i < RECORDS_TO_SEND; i++) {
                String value = "value-" + i;
                producer.send(
                        new ProducerRecord<>(topic, "key-" + i, value),
                        (metadata, exception) -> {
                            if (exception == null) {
                                acknowledged.put(
                                        new Ack(metadata.partition(), metadata.offset()), value);
                            } else {
                                failedSends.incrementAndGet();
                            }
                        });
                if (i % 100 == 0) {
                    // Spread the sends over time so that some are in flight when the broker dies.
                    Thread.sleep(5);
                }
            }
        } catch (Exception e) {
            producerError.set(e);
        }
    }

    private static void awaitAcks(Map<Ack, String> acknowledged, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (acknowledged.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(acknowledged.size())
                .as("records acknowledged before the kill")
                .isGreaterThanOrEqualTo(count);
    }

    private static Map<Ack, String> readAll(KafkaBroker broker, String topic) {
        Map<String, Object> config = KafkaBrokerRoundTripTest.consumerConfig(broker, "unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<Ack, String> stored = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(topic, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets =
                    consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!reachedEnd(consumer, endOffsets) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    stored.put(new Ack(record.partition(), record.offset()), record.value());
                }
            }
        }
        return stored;
    }

    private static boolean reachedEnd(
            KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (consumer.position(end.getKey(), Duration.ofSeconds(30)) < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
