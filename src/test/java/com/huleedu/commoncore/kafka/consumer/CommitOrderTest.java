package com.huleedu.commoncore.kafka.consumer;

import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.await;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.committed;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.encode;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.endOffsets;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.headersOf;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.request;
import static com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.kafka.consumer.ConsumerTestKit.RecordingObserver;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;

import java.util.ArrayList;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

@RealKafka
class CommitOrderTest {

    @Test
    void partialBatchCommitsOnlyBelowFailure(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("partial");
        String group = UniqueNames.groupId("partial");
        broker.createTopic(topic, 2);
        TopicPartition p0 = new TopicPartition(topic, 0);
        TopicPartition p1 = new TopicPartition(topic, 1);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            fill(producer, topic, 0, 105);
            fill(producer, topic, 1, 9);
        }
        admin.alterConsumerGroupOffsets(group, Map.of(p0, new OffsetAndMetadata(100), p1, new OffsetAndMetadata(7)))
                .all().get();

        RecordingObserver observer = new RecordingObserver();
        AtomicBoolean failedOnce = new AtomicBoolean();
        try (EventConsumer consumer = EventConsumer.builder(ConsumerTestKit.settings(broker, group, topic).build(), ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> {
                    if (context.partition() == 0 && context.offset() == 102 && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("transient");
                    }
                })
                .observer(observer)
                .build()) {
            consumer.start();
            await("both partitions are committed to their ends",
                    () -> observer.lastCommitted(p0) == 105 && observer.lastCommitted(p1) == 9);
        }

        assertThat(observer.handled).containsOnly(
                topic + "-0@100", topic + "-0@101", topic + "-0@102", topic + "-0@103", topic + "-0@104",
                topic + "-1@7", topic + "-1@8");
        assertThat(observer.retried).containsExactly(topic + "-0@102");
        assertThat(observer.handled).filteredOn(c -> c.equals(topic + "-0@102")).hasSize(1);
        int success102 = observer.timeline.indexOf("handled " + topic + "-0@102");
        for (int i = 0; i < observer.timeline.size(); i++) {
            String entry = observer.timeline.get(i);
            if (i < success102 && entry.startsWith("committed")) {
                Long committedP0 = observer.commits.get(commitIndex(observer.timeline, i)).getOrDefault(p0, 100L);
                assertThat(committedP0).as("commit before 102 succeeded: %s", entry).isLessThanOrEqualTo(102L);
            }
        }
        assertThat(committed(admin, group)).containsEntry(p0, 105L).containsEntry(p1, 9L);
    }

    @Test
    void restartResumesAtFirstRecordNotDone(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("restart");
        String group = UniqueNames.groupId("restart");
        broker.createTopic(topic, 1);
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            fill(producer, topic, 0, 60);
        }

        RecordingObserver firstRun = new RecordingObserver();
        EventConsumer first = EventConsumer.builder(ConsumerTestKit.settings(broker, group, topic).build(), ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> Thread.sleep(20))
                .observer(firstRun)
                .build();
        first.start();
        await("the first consumer handled 15 records", () -> firstRun.handled.size() >= 15);
        first.close();
        long resumeAt = committed(admin, group).get(partition);

        RecordingObserver secondRun = new RecordingObserver();
        try (EventConsumer second = EventConsumer.builder(ConsumerTestKit.settings(broker, group, topic).build(), ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> { })
                .observer(secondRun)
                .build()) {
            second.start();
            await("offset 60 is committed", () -> secondRun.lastCommitted(partition) == 60);
        }

        assertThat(resumeAt).isEqualTo(firstRun.handled.size());
        assertThat(resumeAt).isLessThan(60);
        assertThat(secondRun.handled.get(0)).isEqualTo(topic + "-0@" + resumeAt);
        Set<String> all = new HashSet<>(firstRun.handled);
        all.addAll(secondRun.handled);
        assertThat(all).hasSize(60);
        assertThat(firstRun.handled.size() + secondRun.handled.size()).isEqualTo(60);
    }

    @Test
    void rebalanceLosesNothing(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("rebalance");
        String group = UniqueNames.groupId("rebalance");
        int partitions = 3;
        int perPartition = 100;
        broker.createTopic(topic, partitions);
        Set<String> sentIds = ConcurrentHashMap.newKeySet();
        try (KafkaProducer<byte[], byte[]> producer = ConsumerTestKit.producer(broker)) {
            for (int p = 0; p < partitions; p++) {
                sentIds.addAll(fill(producer, topic, p, perPartition));
            }
        }

        List<String> handledIds = new CopyOnWriteArrayList<>();
        AtomicInteger handledByFirst = new AtomicInteger();
        AtomicInteger handledBySecond = new AtomicInteger();
        EventHandler<SpellcheckRequestedDataV1> slow = (event, context) -> Thread.sleep(20);
        ConsumerSettings smallPolls = ConsumerTestKit.settings(broker, group, topic)
                .consumerProperty("max.poll.records", 10)
                .build();
        try (EventConsumer first = EventConsumer.builder(smallPolls, ConsumerTestKit.CODEC)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> {
                    slow.handle(event, context);
                    handledIds.add(event.eventId().toString());
                    handledByFirst.incrementAndGet();
                })
                .build()) {
            first.start();
            await("the first consumer handled 40 records", () -> handledByFirst.get() >= 40);
            try (EventConsumer second = EventConsumer.builder(smallPolls, ConsumerTestKit.CODEC)
                    .handle(SpellcheckRequestedDataV1.class, (event, context) -> {
                        slow.handle(event, context);
                        handledIds.add(event.eventId().toString());
                        handledBySecond.incrementAndGet();
                    })
                    .build()) {
                second.start();
                await("every sent event was handled", () -> new HashSet<>(handledIds).containsAll(sentIds));
                await("committed offsets reach the end offsets", () -> committedEqualsEnd(admin, group, topic, partitions));
            }
        }

        assertThat(new HashSet<>(handledIds)).isEqualTo(sentIds);
        assertThat(handledBySecond.get()).isPositive();
        assertThat(committed(admin, group)).isEqualTo(endOffsets(admin, topic, partitions));
    }

    private static boolean committedEqualsEnd(Admin admin, String group, String topic, int partitions) {
        try {
            return committed(admin, group).equals(endOffsets(admin, topic, partitions));
        } catch (Exception e) {
            return false;
        }
    }

    private static int commitIndex(List<String> timeline, int position) {
        int index = -1;
        for (int i = 0; i <= position; i++) {
            if (timeline.get(i).startsWith("committed")) {
                index++;
            }
        }
        return index;
    }

    /** Sends {@code count} valid requests to one partition and returns their event ids. */
    static List<String> fill(KafkaProducer<byte[], byte[]> producer, String topic, int partition, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EventEnvelope<SpellcheckRequestedDataV1> event = request(i);
            ids.add(event.eventId().toString());
            sends.add(producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, partition,
                    event.correlationId().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), encode(event),
                    headersOf(event))));
        }
        for (java.util.concurrent.Future<?> send : sends) {
            send.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        return ids;
    }

}
