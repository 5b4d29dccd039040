package com.huleedu.commoncore.kafka;

import static com.huleedu.commoncore.kafka.PublisherTestKit.WAIT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.header;
import static com.huleedu.commoncore.kafka.PublisherTestKit.readAll;
import static com.huleedu.commoncore.kafka.PublisherTestKit.readRecord;
import static com.huleedu.commoncore.kafka.PublisherTestKit.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import com.huleedu.commoncore.validation.EventValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Sync, async and many-at-once publishing, ordering per correlation id, and concurrent callers. */
@RealKafka
class PublishModesTest {

    @Test
    void syncPublishReturnsCoordinates(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-sync");
        broker.createTopic(topic, 3);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Synkron text.");

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(PublishRequest.of(envelope).toTopic(topic));
        }

        assertThat(result.eventId()).isEqualTo(envelope.eventId());
        assertThat(result.topic()).isEqualTo(topic);
        assertThat(result.partition()).isBetween(0, 2);
        assertThat(result.offset()).isZero();
        assertThat(result.coordinates()).isEqualTo(topic + "-" + result.partition() + "@0");
        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, result.partition(), result.offset());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.eventId().toString());
    }

    @Test
    void asyncPublishCompletesWithOffset(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("publisher-async");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> first = request("Första texten.");
        EventEnvelope<SpellcheckRequestedDataV1> second = request("Andra texten.");

        PublishResult firstResult;
        PublishResult secondResult;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            CompletableFuture<PublishResult> firstFuture = publisher.publishAsync(PublishRequest.of(first).toTopic(topic));
            CompletableFuture<PublishResult> secondFuture = publisher.publishAsync(PublishRequest.of(second).toTopic(topic));
            firstResult = firstFuture.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            secondResult = secondFuture.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(firstResult.eventId()).isEqualTo(first.eventId());
        assertThat(firstResult.partition()).isZero();
        assertThat(firstResult.offset()).isZero();
        assertThat(secondResult.eventId()).isEqualTo(second.eventId());
        assertThat(secondResult.partition()).isZero();
        assertThat(secondResult.offset()).isEqualTo(1);
        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, 0, 1);
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(second.eventId().toString());
    }

    @Test
    void publishAllKeepsOrderAndFailures(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-all");
        broker.createTopic(topic, 3);
        List<PublishRequest> requests = List.of(
                PublishRequest.of(request("Giltig ett.")).toTopic(topic),
                PublishRequest.of(request(" ")).toTopic(topic),
                PublishRequest.of(request("Giltig två.")).toTopic(topic),
                PublishRequest.of(request("")).toTopic(topic),
                PublishRequest.of(request("Giltig tre.")).toTopic(topic));

        List<PublishOutcome> outcomes;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            outcomes = publisher.publishAll(requests);
        }

        assertThat(outcomes).hasSize(5);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(outcomes.get(i).request()).as("request of outcome %d", i).isSameAs(requests.get(i));
        }
        for (int i : List.of(0, 2, 4)) {
            PublishOutcome outcome = outcomes.get(i);
            assertThat(outcome.isAcknowledged()).as("outcome %d acknowledged", i).isTrue();
            assertThat(outcome.findFailure()).as("failure of outcome %d", i).isEmpty();
            assertThat(outcome.result().eventId()).as("event id of outcome %d", i)
                    .isEqualTo(requests.get(i).envelope().eventId());
        }
        for (int i : List.of(1, 3)) {
            PublishOutcome outcome = outcomes.get(i);
            assertThat(outcome.isAcknowledged()).as("outcome %d acknowledged", i).isFalse();
            assertThat(outcome.findResult()).as("result of outcome %d", i).isEmpty();
            assertThat(outcome.failure()).as("failure of outcome %d", i).isInstanceOf(EventValidationException.class);
            assertThat(outcome.failure().reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
        }
        Set<String> storedIds = readAll(broker, topic).stream()
                .map(record -> header(record, EventHeaders.EVENT_ID))
                .collect(Collectors.toSet());
        assertThat(storedIds).containsExactlyInAnyOrder(
                requests.get(0).envelope().eventId().toString(),
                requests.get(2).envelope().eventId().toString(),
                requests.get(4).envelope().eventId().toString());
    }

    @Test
    void oneFlowStaysOnOnePartition(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("publisher-order");
        broker.createTopic(topic, 6);
        UUID correlationId = UUID.randomUUID();
        List<EventEnvelope<SpellcheckRequestedDataV1>> envelopes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            envelopes.add(request("Text nummer " + i, correlationId));
        }

        List<PublishResult> results = new ArrayList<>();
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
            for (EventEnvelope<SpellcheckRequestedDataV1> envelope : envelopes) {
                futures.add(publisher.publishAsync(PublishRequest.of(envelope).toTopic(topic)));
            }
            for (CompletableFuture<PublishResult> future : futures) {
                results.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        }

        int partition = results.get(0).partition();
        assertThat(results).extracting(PublishResult::partition).containsOnly(partition);
        assertThat(results).extracting(PublishResult::offset).isSorted().doesNotHaveDuplicates();
        List<String> storedIds = readAll(broker, topic).stream()
                .filter(record -> record.partition() == partition)
                .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                .map(record -> header(record, EventHeaders.EVENT_ID))
                .toList();
        List<String> sentIds = envelopes.stream().map(envelope -> envelope.eventId().toString()).toList();
        assertThat(storedIds).containsExactlyElementsOf(sentIds);
    }

    @Test
    void concurrentCallersShareOnePublisher(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("publisher-threads");
        broker.createTopic(topic, 3);
        int threads = 4;
        int eventsPerThread = 50;

        List<PublishResult> results = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            List<Future<List<PublishResult>>> batches = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                batches.add(executor.submit(() -> {
                    List<PublishResult> batch = new ArrayList<>();
                    for (int i = 0; i < eventsPerThread; i++) {
                        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Tråd " + thread + " text " + i);
                        batch.add(publisher.publish(PublishRequest.of(envelope).toTopic(topic)));
                    }
                    return batch;
                }));
            }
            for (Future<List<PublishResult>> batch : batches) {
                results.addAll(batch.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(results).hasSize(threads * eventsPerThread);
        assertThat(results).extracting(PublishResult::coordinates).doesNotHaveDuplicates();
        Set<String> storedIds = readAll(broker, topic).stream()
                .map(record -> header(record, EventHeaders.EVENT_ID))
                .collect(Collectors.toSet());
        Set<String> acknowledgedIds = results.stream()
                .map(result -> result.eventId().toString())
                .collect(Collectors.toSet());
        assertThat(storedIds).isEqualTo(acknowledgedIds);
    }
}
