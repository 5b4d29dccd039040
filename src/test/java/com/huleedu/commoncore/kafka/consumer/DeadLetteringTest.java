package com.huleedu.commoncore.kafka.consumer;

import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.await;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.committed;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.encode;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.header;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.headersOf;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.readAll;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.request;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.RecordingObserver;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

@RealKafka
class DeadLetteringTest {

    private static final byte[] POISON = {0x7B, 0x22, 0x65, 0x76, (byte) 0xFF};

    @Test
    void poisonPillIsParkedAndSkippedForGood(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("poison");
        String group = UniqueNames.groupId("poison");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        EventEnvelope<SpellcheckRequestedDataV1> first = request(0);
        EventEnvelope<SpellcheckRequestedDataV1> third = request(2);
        RecordHeaders poisonHeaders = new RecordHeaders();
        poisonHeaders.add("x-origin", "outbox".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "k0", encode(first), headersOf(first));
            send(producer, topic, 0, "k1", POISON, poisonHeaders);
            send(producer, topic, 0, "k2", encode(third), headersOf(third));
        }

        RecordingObserver observer = new RecordingObserver();
        TopicPartition partition = new TopicPartition(topic, 0);
        ConsumerTestKit.consumeUntilCommitted(ConsumerTestKit.settings(broker, group, topic).build(), (event, context) -> { }, observer, topic, 3);

        assertThat(observer.handled).containsExactly(topic + "-0@0", topic + "-0@2");
        assertThat(observer.deadLettered).containsExactly(topic + "-0@1");
        assertThat(observer.deadLetterReasons).containsExactly(FailureReason.MALFORMED_JSON);
        assertThat(committed(admin, group)).containsEntry(partition, 3L);

        List<ConsumerRecord<byte[], byte[]>> dead = readAll(broker, topic + ".DLQ", 1);
        assertThat(dead).hasSize(1);
        ConsumerRecord<byte[], byte[]> parked = dead.get(0);
        assertThat(parked.value()).isEqualTo(POISON);
        assertThat(new String(parked.key(), StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(header(parked, "x-origin")).isEqualTo("outbox");
        assertThat(header(parked, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(header(parked, DeadLetterHeaders.ORIGINAL_PARTITION)).isEqualTo("0");
        assertThat(header(parked, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("1");
        assertThat(header(parked, DeadLetterHeaders.ORIGINAL_TIMESTAMP)).endsWith("Z");
        assertThat(header(parked, DeadLetterHeaders.CONSUMER_GROUP)).isEqualTo(group);
        assertThat(header(parked, DeadLetterHeaders.FAILURE_REASON)).isEqualTo("malformed_json");
        assertThat(header(parked, DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("com.huleedu.commoncore.json.EventDecodingException");
        assertThat(header(parked, DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("truncated");
        assertThat(header(parked, DeadLetterHeaders.FAILED_AT)).endsWith("Z");
        assertThat(header(parked, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");

        assertThat(pollWithGroup(broker, group, topic)).isEmpty();
    }

    @Test
    void invalidAndUnknownGoStraightToDeadLetter(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("invalid");
        String group = UniqueNames.groupId("invalid");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "invalid", ConsumerTestKit.invalidRequestBytes(), new RecordHeaders());
            send(producer, topic, 0, "unknown", ConsumerTestKit.unknownTypeBytes(), new RecordHeaders());
        }

        RecordingObserver observer = new RecordingObserver();
        AtomicInteger handlerCalls = new AtomicInteger();
        try (EventConsumer consumer = EventConsumer.builder(ConsumerTestKit.settings(broker, group, topic).build(), ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> handlerCalls.incrementAndGet())
                .observer(observer)
                .build()) {
            consumer.start();
            await("offset 2 is committed", () -> observer.lastCommitted(new TopicPartition(topic, 0)) == 2);
            assertThat(consumer.stats().retried()).isZero();
            assertThat(consumer.stats().deadLettered()).isEqualTo(2);
        }

        assertThat(handlerCalls).hasValue(0);
        assertThat(observer.deadLetterReasons).containsExactly(FailureReason.INVALID_PAYLOAD, FailureReason.UNKNOWN_EVENT_TYPE);
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(broker, topic + ".DLQ", 2);
        assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.FAILURE_REASON))
                .containsExactly("invalid_payload", "unknown_event_type");
        assertThat(dead).extracting(record -> header(record, DeadLetterHeaders.ATTEMPTS)).containsExactly("1", "1");
        assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).contains("data.text");
    }

    @Test
    void retriesRunOutIntoDeadLetter(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("exhaust");
        String group = UniqueNames.groupId("exhaust");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        EventEnvelope<SpellcheckRequestedDataV1> failing = request(1);
        EventEnvelope<SpellcheckRequestedDataV1> recovering = request(2);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "a", encode(failing), headersOf(failing));
            send(producer, topic, 0, "b", encode(recovering), headersOf(recovering));
        }

        RecordingObserver observer = new RecordingObserver();
        Map<String, Integer> calls = new HashMap<>();
        ConsumerTestKit.consumeUntilCommitted(ConsumerTestKit.settings(broker, group, topic).build(), (event, context) -> {
            int call = calls.merge(event.eventId().toString(), 1, Integer::sum);
            if (event.eventId().equals(failing.eventId())) {
                throw new IllegalStateException("store unavailable");
            }
            if (call < 3) {
                throw new IllegalStateException("store busy");
            }
        }, observer, topic, 2);

        assertThat(calls).containsEntry(failing.eventId().toString(), 3).containsEntry(recovering.eventId().toString(), 3);
        assertThat(observer.handled).containsExactly(topic + "-0@1");
        assertThat(observer.deadLettered).containsExactly(topic + "-0@0");
        assertThat(observer.deadLetterReasons).containsExactly(FailureReason.HANDLER_FAILED);
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(broker, topic + ".DLQ", 1);
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), DeadLetterHeaders.ATTEMPTS)).isEqualTo("3");
        assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION_CLASS)).isEqualTo("java.lang.IllegalStateException");
        assertThat(header(dead.get(0), DeadLetterHeaders.EXCEPTION_MESSAGE)).isEqualTo("store unavailable");
        assertThat(header(dead.get(0), "event_id")).isEqualTo(failing.eventId().toString());
    }

    @Test
    void handlerErrorIsRetriedNotFatal(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("error");
        String group = UniqueNames.groupId("error");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        EventEnvelope<SpellcheckRequestedDataV1> event = request(1);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "a", encode(event), headersOf(event));
        }

        RecordingObserver observer = new RecordingObserver();
        AtomicInteger calls = new AtomicInteger();
        ConsumerTestKit.consumeUntilCommitted(ConsumerTestKit.settings(broker, group, topic).build(), (received, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("com/example/MissingSpellchecker");
            }
        }, observer, topic, 1);

        assertThat(calls).hasValue(2);
        assertThat(observer.retried).containsExactly(topic + "-0@0");
        assertThat(observer.handled).containsExactly(topic + "-0@0");
        assertThat(observer.deadLettered).isEmpty();
    }

    @Test
    void nonRetryableHandlerFailureSkipsRetries(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("reject");
        String group = UniqueNames.groupId("reject");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        EventEnvelope<SpellcheckRequestedDataV1> first = request(1);
        EventEnvelope<SpellcheckRequestedDataV1> second = request(2);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "a", encode(first), headersOf(first));
            send(producer, topic, 0, "b", encode(second), headersOf(second));
        }

        RecordingObserver observer = new RecordingObserver();
        AtomicInteger calls = new AtomicInteger();
        ConsumerSettings settings = ConsumerTestKit.settings(broker, group, topic).nonRetryable(UnsupportedOperationException.class).build();
        ConsumerTestKit.consumeUntilCommitted(settings, (event, context) -> {
            calls.incrementAndGet();
            if (event.eventId().equals(first.eventId())) {
                throw new NonRetryableException("essay belongs to a deleted course");
            }
            throw new UnsupportedOperationException("language not offered");
        }, observer, topic, 2);

        assertThat(calls).hasValue(2);
        assertThat(observer.retried).isEmpty();
        assertThat(observer.deadLetterReasons).containsExactly(FailureReason.HANDLER_REJECTED, FailureReason.HANDLER_REJECTED);
    }

    @Test
    void deadLetterAgainReplacesDiagnosticHeaders(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("again");
        String group = UniqueNames.groupId("again");
        broker.createTopic(topic, 1);
        broker.createTopic(topic + ".DLQ", 1);
        RecordHeaders stale = new RecordHeaders();
        stale.add(DeadLetterHeaders.FAILURE_REASON, "handler_failed".getBytes(StandardCharsets.UTF_8));
        stale.add(DeadLetterHeaders.ATTEMPTS, "5".getBytes(StandardCharsets.UTF_8));
        stale.add(DeadLetterHeaders.ORIGINAL_OFFSET, "77".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "replayed", POISON, stale);
        }

        RecordingObserver observer = new RecordingObserver();
        ConsumerTestKit.consumeUntilCommitted(ConsumerTestKit.settings(broker, group, topic).build(), (event, context) -> { }, observer, topic, 1);

        ConsumerRecord<byte[], byte[]> parked = readAll(broker, topic + ".DLQ", 1).get(0);
        for (String name : DeadLetterHeaders.ALL) {
            assertThat(parked.headers().headers(name)).as(name).hasSize(1);
        }
        assertThat(header(parked, DeadLetterHeaders.FAILURE_REASON)).isEqualTo("malformed_json");
        assertThat(header(parked, DeadLetterHeaders.ATTEMPTS)).isEqualTo("1");
        assertThat(header(parked, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
    }

    @Test
    void failedDeadLetterWriteKeepsRecordUncommitted(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("dlq-down");
        String group = UniqueNames.groupId("dlq-down");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> before = request(0);
        EventEnvelope<SpellcheckRequestedDataV1> after = request(2);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            send(producer, topic, 0, "a", encode(before), headersOf(before));
            send(producer, topic, 0, "b", POISON, new RecordHeaders());
            send(producer, topic, 0, "c", encode(after), headersOf(after));
        }

        RecordingObserver observer = new RecordingObserver();
        TopicPartition partition = new TopicPartition(topic, 0);
        ConsumerSettings settings = ConsumerTestKit.settings(broker, group, topic).deadLetterTimeout(Duration.ofSeconds(1)).build();
        try (EventConsumer consumer = EventConsumer.builder(settings, ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> { })
                .observer(observer)
                .build()) {
            consumer.start();
            await("two dead-letter writes failed", () -> consumer.stats().deadLetterWriteFailures() >= 2);

            assertThat(observer.lastCommitted(partition)).isEqualTo(1);
            assertThat(committed(admin, group)).containsEntry(partition, 1L);
            assertThat(observer.handled).containsExactly(topic + "-0@0");

            broker.createTopic(topic + ".DLQ", 1);
            await("offset 3 is committed", () -> observer.lastCommitted(partition) == 3);
        }

        assertThat(observer.deadLettered).containsExactly(topic + "-0@1");
        assertThat(observer.handled).containsExactly(topic + "-0@0", topic + "-0@2");
        List<ConsumerRecord<byte[], byte[]>> dead = readAll(broker, topic + ".DLQ", 1);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(POISON);
    }

    private static List<ConsumerRecord<byte[], byte[]>> pollWithGroup(KafkaBroker broker, String group, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<byte[], byte[]>> seen = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    static RecordHeader utf8Header(String name, String value) {
        return new RecordHeader(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
