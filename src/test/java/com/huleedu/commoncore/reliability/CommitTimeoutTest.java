package com.huleedu.commoncore.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.consumer.ConsumerSettings;
import com.huleedu.commoncore.kafka.consumer.EventConsumer;
import com.huleedu.commoncore.kafka.consumer.RetryPolicy;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Kills the broker while the consumer handles the last record of a partition, so that the
 * commit after it times out, and checks that the consumer commits that record once the broker
 * is back, without handling it again.
 */
@RealKafka
class CommitTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int EVENTS = 5;

    @Test
    void timedOutCommitIsRetried(KafkaBroker broker) throws Exception {
        broker.assumeFaultControl();
        String topic = UniqueNames.topic("commit-timeout");
        String group = UniqueNames.groupId("commit-timeout");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        sendEvents(broker, topic);

        List<String> handled = new CopyOnWriteArrayList<>();
        ConsumerSettings settings = ConsumerSettings.builder(broker.bootstrapServers(), group, topic)
                .pollTimeout(Duration.ofMillis(100))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(400)))
                // A short API timeout makes commitSync fail while the broker is down.
                .consumerProperty(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000)
                .consumerProperty(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_500)
                .build();
        EventConsumer consumer = EventConsumer.builder(settings, EventCodec.withDefaults())
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> {
                    handled.add(context.coordinates());
                    if (context.offset() == EVENTS - 1 && handled.size() == EVENTS) {
                        broker.kill();
                    }
                })
                .build();
        try {
            consumer.start();
            await("the commit after the last record failed", () -> consumer.stats().commitFailures() > 0);
        } finally {
            broker.restart();
        }

        Map<TopicPartition, Long> committed = Map.of();
        try (Admin admin = broker.createAdmin()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                committed = committed(admin, group);
                if (committed.getOrDefault(new TopicPartition(topic, 0), -1L) == EVENTS) {
                    break;
                }
                Thread.sleep(200);
            }
        } finally {
            consumer.close();
        }

        assertThat(committed).as("committed offsets after the outage")
                .containsEntry(new TopicPartition(topic, 0), (long) EVENTS);
        assertThat(handled).as("handled records").hasSize(EVENTS);
        assertThat(handled).as("handled records").doesNotHaveDuplicates();
    }

    private static void sendEvents(KafkaBroker broker, String topic) throws Exception {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventFactory factory = EventFactory.forService("commit-timeout", registry);
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < EVENTS; i++) {
                EventEnvelope<SpellcheckRequestedDataV1> event = factory.create(SpellcheckRequestedDataV1.of("Text " + i));
                producer.send(new ProducerRecord<>(topic, 0, null, codec.encode(event))).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> result = new HashMap<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    result.put(partition, offset.offset());
                }
            });
        } catch (java.util.concurrent.ExecutionException e) {
            // The coordinator may still be loading after the restart; the caller asks again.
        }
        return result;
    }

    private static void await(String description, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + description);
            }
            Thread.sleep(50);
        }
    }
}
