package com.huleedu.commoncore.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.kafka.EventPublisher;
import com.huleedu.commoncore.kafka.PublishRequest;
import com.huleedu.commoncore.kafka.PublishResult;
import com.huleedu.commoncore.kafka.PublisherSettings;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Publishes with {@link EventPublisher#publishAsync} in a loop while the broker is killed with
 * SIGKILL and restarted, then reads the topic back: every future ends acknowledged or failed,
 * every acknowledged event is stored exactly once at its acknowledged offset, and a failed one
 * is stored at most once.
 *
 * <p>System property {@code reliability.publishEvents} bounds the number of sends (default
 * 4,000).
 */
@RealKafka
class PublishUnderFaultTest {

    private static final int PARTITIONS = 3;
    private static final int ACKS_BEFORE_KILL = 300;
    private static final int ACKS_AFTER_RESTART = 300;
    private static final Duration BROKER_DOWN = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Longer than delivery.timeout.ms plus max.block.ms below, so every future has had its chance. */
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(60);

    /** One event handed to the publisher and its future. */
    private record Sent(String eventId, CompletableFuture<PublishResult> future) {
    }

    @Test
    void killedBrokerLosesNoAcknowledged(KafkaBroker broker) throws Exception {
        broker.assumeFaultControl();
        int maxEvents = Integer.getInteger("reliability.publishEvents", 4_000);
        String topic = UniqueNames.topic("publish-fault");
        broker.createTopic(topic, PARTITIONS);

        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventFactory factory = EventFactory.forService("publish-fault", registry);
        PublisherSettings settings = PublisherSettings.builder(broker.bootstrapServers())
                .kafkaProperty("delivery.timeout.ms", 20_000)
                .kafkaProperty("request.timeout.ms", 5_000)
                .kafkaProperty("max.block.ms", 10_000)
                .build();

        List<Sent> sent = new ArrayList<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int sentAtKill;
        int sentAtRestart;
        try (EventPublisher publisher = EventPublisher.create(settings, codec)) {
            Thread sender = new Thread(() -> {
                for (int i = 0; i < maxEvents && !stop.get(); i++) {
                    EventEnvelope<SpellcheckRequestedDataV1> event =
                            factory.create(SpellcheckRequestedDataV1.of("Publish under fault " + i, "sv-SE"));
                    CompletableFuture<PublishResult> future = publisher.publishAsync(PublishRequest.of(event).toTopic(topic));
                    future.thenRun(acknowledged::incrementAndGet);
                    synchronized (sent) {
                        sent.add(new Sent(event.eventId().toString(), future));
                    }
                    pause(2);
                }
            }, "publish-under-fault");
            sender.start();
            try {
                try {
                    await("acknowledgements before the kill", () -> acknowledged.get() >= ACKS_BEFORE_KILL);
                    broker.kill();
                    sentAtKill = size(sent);
                    Thread.sleep(BROKER_DOWN.toMillis());
                } finally {
                    broker.restart();
                }
                sentAtRestart = size(sent);
                int target = acknowledged.get() + ACKS_AFTER_RESTART;
                await("acknowledgements after the restart", () -> acknowledged.get() >= target || !sender.isAlive());
            } finally {
                stop.set(true);
                sender.join(WAIT.toMillis());
            }
            assertThat(sender.isAlive()).as("sender thread still running").isFalse();
        }

        // Every future ends, acknowledged or failed, within a bound.
        Map<String, PublishResult> acks = new HashMap<>();
        Map<String, Throwable> failures = new HashMap<>();
        List<String> pending = new ArrayList<>();
        for (Sent record : sent) {
            try {
                acks.put(record.eventId(), record.future().get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                failures.put(record.eventId(), e.getCause());
            } catch (TimeoutException e) {
                pending.add(record.eventId());
            }
        }

        Map<String, List<ConsumerRecord<byte[], byte[]>>> stored = readByEventId(broker, topic);
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> misplaced = new ArrayList<>();
        acks.forEach((eventId, result) -> {
            List<ConsumerRecord<byte[], byte[]>> copies = stored.getOrDefault(eventId, List.of());
            if (copies.isEmpty()) {
                missing.add(eventId);
            } else if (copies.size() > 1) {
                duplicated.add(eventId);
            } else if (copies.get(0).partition() != result.partition() || copies.get(0).offset() != result.offset()) {
                misplaced.add(eventId + " acknowledged at " + result.coordinates());
            }
        });
        long failedStored = failures.keySet().stream().filter(stored::containsKey).count();
        long failedStoredTwice = failures.keySet().stream()
                .filter(id -> stored.getOrDefault(id, List.of()).size() > 1)
                .count();
        List<String> undocumentedFailures = failures.values().stream()
                .filter(failure -> !(failure instanceof CommonCoreException))
                .map(Throwable::toString)
                .toList();
        List<String> unknown = stored.keySet().stream()
                .filter(id -> !acks.containsKey(id) && !failures.containsKey(id))
                .toList();

        System.out.printf("PublishUnderFaultTest: sent=%d sent_before_kill=%d sent_before_restart=%d acknowledged=%d"
                        + " failed=%d pending=%d acknowledged_missing=%d acknowledged_duplicated=%d"
                        + " failed_but_stored=%d failed_stored_twice=%d%n",
                sent.size(), sentAtKill, sentAtRestart, acks.size(), failures.size(), pending.size(), missing.size(),
                duplicated.size(), failedStored, failedStoredTwice);
        assertThat(pending).as("futures not completed within " + JOIN_TIMEOUT.toSeconds() + " s").isEmpty();
        assertThat(undocumentedFailures).as("failures outside CommonCoreException").isEmpty();
        assertThat(missing).as("acknowledged events missing from the topic").isEmpty();
        assertThat(duplicated).as("acknowledged events stored more than once").isEmpty();
        assertThat(misplaced).as("acknowledged events stored at another offset").isEmpty();
        assertThat(failedStoredTwice).as("failed events stored more than once").isZero();
        assertThat(unknown).as("stored events that were never sent").isEmpty();
        assertThat(acks.size()).as("acknowledged events").isGreaterThan(ACKS_BEFORE_KILL);
    }

    private static Map<String, List<ConsumerRecord<byte[], byte[]>>> readByEventId(KafkaBroker broker, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byEventId = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out reading " + topic + " up to its end offsets " + ends);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String eventId = EventHeaders.lastValue(record.headers(), EventHeaders.EVENT_ID).orElse("none");
                    byEventId.computeIfAbsent(eventId, key -> new ArrayList<>()).add(record);
                }
            }
        }
        return byEventId;
    }

    private static int size(List<Sent> sent) {
        synchronized (sent) {
            return sent.size();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(String description, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting until " + description);
            }
            Thread.sleep(50);
        }
    }
}
