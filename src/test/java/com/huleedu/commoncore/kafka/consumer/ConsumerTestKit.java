package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.testing.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Shared steps of the consumer tests: raw records in, consumers run on a thread, dead-letter
 * records and committed offsets read back.
 */
final class ConsumerTestKit {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final EventTypeRegistry REGISTRY = EventTypeRegistry.withDefaults();
    static final EventCodec CODEC = EventCodec.builder().registry(REGISTRY).build();
    static final EventFactory FACTORY = EventFactory.forService("batch-service", REGISTRY);
    static final String SECRET_TEXT = "Elevens hemliga uppsats om sin familj";

    private ConsumerTestKit() {
    }

    /** Creates a valid spellcheck request whose text contains the secret sentence and a number. */
    static EventEnvelope<SpellcheckRequestedDataV1> request(int number) {
        return FACTORY.create(SpellcheckRequestedDataV1.of(SECRET_TEXT + " nummer " + number, "sv-SE"));
    }

    static byte[] encode(EventEnvelope<?> envelope) {
        return CODEC.encode(envelope);
    }

    /** Encodes a request with blank text without validation, as a careless producer would. */
    static byte[] invalidRequestBytes() {
        EventCodec lenient = EventCodec.builder().validateOnEncode(false).build();
        return lenient.encode(FACTORY.create(SpellcheckRequestedDataV1.of("   ")));
    }

    /** Encodes an envelope of an event type that the consumer's registry does not contain. */
    static byte[] unknownTypeBytes() {
        String json = new String(encode(request(0)), StandardCharsets.UTF_8)
                .replace("huleedu.essay.spellcheck.requested.v1", "huleedu.essay.unknown.thing.v1");
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static RecordHeaders headersOf(EventEnvelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.write(headers, envelope, null);
        return headers;
    }

    static KafkaProducer<byte[], byte[]> producer(KafkaBroker broker) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Sends one record and returns its offset. */
    static long send(KafkaProducer<byte[], byte[]> producer, String topic, Integer partition, String key, byte[] value,
            Iterable<Header> headers) throws Exception {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, keyBytes, value, headers);
        return producer.send(record).get(30, TimeUnit.SECONDS).offset();
    }

    static ConsumerSettings.Builder settings(KafkaBroker broker, String group, String... topics) {
        return ConsumerSettings.builder(broker.bootstrapServers(), group, topics)
                .pollTimeout(Duration.ofMillis(100))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(400)))
                .deadLetterTimeout(Duration.ofSeconds(5))
                .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .consumerProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    }

    /**
     * Runs a consumer of spellcheck requests until the observer saw partition 0 of {@code topic}
     * committed at {@code nextOffset}, then closes it.
     */
    static void consumeUntilCommitted(ConsumerSettings settings, EventHandler<SpellcheckRequestedDataV1> handler,
            RecordingObserver observer, String topic, long nextOffset) throws InterruptedException {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (EventConsumer consumer = EventConsumer.builder(settings, CODEC)
                .handle(SpellcheckRequestedDataV1.class, handler)
                .observer(observer)
                .build()) {
            consumer.start();
            await("offset " + nextOffset + " is committed", () -> observer.lastCommitted(partition) == nextOffset);
        }
    }

    /** Reads every record of a topic from the beginning until {@code expected} arrived or the wait ends. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                result.put(partition, offset.offset());
            }
        });
        return result;
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            request.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answer = admin.listOffsets(request).all().get(30, TimeUnit.SECONDS);
        return answer.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    /** Waits until the condition holds; fails with the description when the wait ends first. */
    static void await(String description, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + description);
            }
            Thread.sleep(50);
        }
    }

    static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return EventHeaders.lastValue(record.headers(), name).orElse(null);
    }

    /** Everything a consumer reported, recorded in order and safe to read from the test thread. */
    static final class RecordingObserver implements ConsumerObserver {
        final List<String> handled = new CopyOnWriteArrayList<>();
        final List<String> handledEventIds = new CopyOnWriteArrayList<>();
        final List<String> retried = new CopyOnWriteArrayList<>();
        final List<String> deadLettered = new CopyOnWriteArrayList<>();
        final List<FailureReason> deadLetterReasons = new CopyOnWriteArrayList<>();
        final List<Map<TopicPartition, Long>> commits = new CopyOnWriteArrayList<>();
        /** Handled coordinates and commits in one sequence, for ordering checks. */
        final List<String> timeline = new CopyOnWriteArrayList<>();

        @Override
        public void onHandled(EventEnvelope<?> event, EventContext context) {
            handled.add(context.coordinates());
            handledEventIds.add(event.eventId().toString());
            timeline.add("handled " + context.coordinates());
        }

        @Override
        public void onRetryScheduled(EventContext context, Throwable failure) {
            retried.add(context.coordinates());
        }

        @Override
        public void onDeadLettered(EventContext context, FailureReason reason) {
            deadLettered.add(context.coordinates());
            deadLetterReasons.add(reason);
        }

        @Override
        public void onCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
            Map<TopicPartition, Long> plain = new HashMap<>();
            offsets.forEach((partition, offset) -> plain.put(partition, offset.offset()));
            commits.add(plain);
            timeline.add("committed " + plain);
        }

        long lastCommitted(TopicPartition partition) {
            long last = -1;
            for (Map<TopicPartition, Long> commit : commits) {
                last = commit.getOrDefault(partition, last);
            }
            return last;
        }

        Set<String> distinctHandled() {
            return Set.copyOf(handled);
        }

        static int count(Collection<String> items, String item) {
            return (int) items.stream().filter(item::equals).count();
        }
    }
}
