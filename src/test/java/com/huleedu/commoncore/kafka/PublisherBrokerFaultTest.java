package com.huleedu.commoncore.kafka;

import static com.huleedu.commoncore.kafka.PublisherTestKit.CODEC;
import static com.huleedu.commoncore.kafka.PublisherTestKit.ESSAY_TEXT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.WAIT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.header;
import static com.huleedu.commoncore.kafka.PublisherTestKit.readAll;
import static com.huleedu.commoncore.kafka.PublisherTestKit.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Stops the shared broker while the publisher sends asynchronously, and checks that every
 * future completes, either acknowledged (and then stored) or failed with a
 * {@link PublishException}.
 */
@RealKafka
class PublisherBrokerFaultTest {

    private static final int PARTITIONS = 3;
    private static final int MAX_EVENTS = 20_000;
    private static final int ACKS_BEFORE_FAULT = 200;
    private static final int SENDS_WHILE_DOWN = 3;
    private static final int ACKS_AFTER_RESTART = 100;
    private static final long DOWN_MILLIS = 3_000;

    @Test
    void killThenRestartLosesNothing(KafkaBroker broker) throws Exception {
        broker.assumeFaultControl();
        String topic = UniqueNames.topic("publisher-kill");
        broker.createTopic(topic, PARTITIONS);

        Tally tally;
        int acknowledgedAtKill;
        int acknowledgedAtRestart;
        try (EventPublisher publisher = faultPublisher(broker); Sender sender = new Sender(publisher, topic)) {
            sender.start();
            try {
                sender.await("acknowledgements before the kill", sender::acknowledged, ACKS_BEFORE_FAULT);
                broker.kill();
                acknowledgedAtKill = sender.acknowledged();
                Thread.sleep(DOWN_MILLIS);
            } finally {
                broker.restart();
            }
            acknowledgedAtRestart = sender.acknowledged();
            sender.await("acknowledgements after the restart", sender::acknowledged,
                    acknowledgedAtRestart + ACKS_AFTER_RESTART);
            sender.stop();
            tally = sender.tally();
        }

        Set<UUID> stored = storedEventIds(broker, topic);
        tally.print("kill, restart after " + DOWN_MILLIS + " ms", stored);
        assertThat(tally.pending).as("futures not completed within the bound").isEmpty();
        assertThat(tally.unexpectedFailures).as("failures other than PublishException PUBLISH_FAILED").isEmpty();
        assertThat(tally.acknowledged.size()).as("acknowledged events").isGreaterThan(acknowledgedAtKill);
        assertThat(tally.missing(stored)).as("acknowledged events missing from the topic").isEmpty();
        assertThat(tally.sentIds()).as("sent event ids").containsAll(stored);
    }

    @Test
    void stopWithoutRestartFailsCleanly(KafkaBroker broker) throws Exception {
        broker.assumeFaultControl();
        String topic = UniqueNames.topic("publisher-stop");
        broker.createTopic(topic, PARTITIONS);

        Tally tally;
        int sentWhileDown;
        String logs;
        try (LogCapture capture = new LogCapture();
                EventPublisher publisher = faultPublisher(broker);
                Sender sender = new Sender(publisher, topic)) {
            sender.start();
            try {
                sender.await("acknowledgements before the stop", sender::acknowledged, ACKS_BEFORE_FAULT);
                broker.stopGracefully();
                int sentAtStop = sender.sent();
                // While the broker is down, each publishAsync call blocks for up to max.block.ms in
                // KafkaProducer.send, waiting for metadata, so only a few sends happen meanwhile.
                sender.await("sends while the broker is down", sender::sent, sentAtStop + SENDS_WHILE_DOWN);
                sender.stop();
                sentWhileDown = sender.sent() - sentAtStop;
                tally = sender.tally();
            } finally {
                sender.stop();
                broker.restart();
            }
            logs = capture.text();
        }

        Set<UUID> stored = storedEventIds(broker, topic);
        tally.print("graceful stop, no restart within delivery.timeout.ms", stored);
        assertThat(tally.pending).as("futures not completed within the bound").isEmpty();
        assertThat(tally.unexpectedFailures).as("failures other than PublishException PUBLISH_FAILED").isEmpty();
        assertThat(tally.failed).as("failed events").hasSizeGreaterThanOrEqualTo(sentWhileDown);
        assertThat(tally.missing(stored)).as("acknowledged events missing from the topic").isEmpty();
        UUID firstFailed = tally.failed.get(0);
        assertThat(logs).contains("Failed to publish event to topic " + topic);
        assertThat(logs).contains("event_id=" + firstFailed);
        assertThat(logs).doesNotContain(ESSAY_TEXT);
    }

    private static EventPublisher faultPublisher(KafkaBroker broker) {
        PublisherSettings settings = PublisherTestKit.settings(broker)
                .kafkaProperty("delivery.timeout.ms", 15_000)
                .kafkaProperty("request.timeout.ms", 5_000)
                .kafkaProperty("max.block.ms", 5_000)
                .build();
        return EventPublisher.create(settings, CODEC);
    }

    private static Set<UUID> storedEventIds(KafkaBroker broker, String topic) {
        Set<UUID> ids = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(broker, topic)) {
            ids.add(UUID.fromString(header(record, EventHeaders.EVENT_ID)));
        }
        return ids;
    }

    /** One event handed to the publisher and its future. */
    private record Sent(UUID eventId, CompletableFuture<PublishResult> future) {
    }

    /** Outcome of every sent event, by event id. */
    private static final class Tally {
        final List<UUID> acknowledged = new ArrayList<>();
        final List<UUID> failed = new ArrayList<>();
        final List<UUID> pending = new ArrayList<>();
        final Map<UUID, Throwable> unexpectedFailures = new HashMap<>();

        Set<UUID> missing(Set<UUID> stored) {
            Set<UUID> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            return missing;
        }

        Set<UUID> sentIds() {
            Set<UUID> ids = new HashSet<>(acknowledged);
            ids.addAll(failed);
            ids.addAll(pending);
            ids.addAll(unexpectedFailures.keySet());
            return ids;
        }

        void print(String scenario, Set<UUID> stored) {
            long failedButStored = failed.stream().filter(stored::contains).count();
            System.out.printf("Broker fault (%s): sent=%d acknowledged=%d failed=%d pending=%d"
                            + " acknowledged_and_missing=%d failed_but_stored=%d%n",
                    scenario, sentIds().size(), acknowledged.size(), failed.size(), pending.size(),
                    missing(stored).size(), failedButStored);
        }
    }

    /** Publishes events asynchronously on its own thread until stopped or {@value #MAX_EVENTS} are sent. */
    private static final class Sender implements AutoCloseable {
        private final EventPublisher publisher;
        private final String topic;
        private final List<Sent> sent = new ArrayList<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final Thread thread = new Thread(this::sendUntilStopped, "publisher-fault-sender");

        Sender(EventPublisher publisher, String topic) {
            this.publisher = publisher;
            this.topic = topic;
        }

        void start() {
            thread.start();
        }

        int acknowledged() {
            return acknowledged.get();
        }

        int sent() {
            synchronized (sent) {
                return sent.size();
            }
        }

        /** Waits until {@code counter} reaches {@code target}, failing the test after {@link PublisherTestKit#WAIT}. */
        void await(String description, IntSupplier counter, int target) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (counter.getAsInt() < target && System.nanoTime() < deadline && error.get() == null) {
                Thread.sleep(10);
            }
            assertThat(error.get()).as("exception on the sender thread").isNull();
            assertThat(counter.getAsInt())
                    .as(() -> description + "; sender thread at " + Arrays.toString(thread.getStackTrace()))
                    .isGreaterThanOrEqualTo(target);
        }

        /** Stops sending and waits for the sender thread to end. */
        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("sender thread alive after stop").isFalse();
        }

        /** Waits, bounded by twice {@link PublisherTestKit#WAIT} in total, for every future and sorts the outcomes. */
        Tally tally() throws InterruptedException {
            List<Sent> snapshot;
            synchronized (sent) {
                snapshot = new ArrayList<>(sent);
            }
            Tally tally = new Tally();
            long deadline = System.nanoTime() + 2 * WAIT.toNanos();
            for (Sent event : snapshot) {
                long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                try {
                    event.future().get(remainingMillis, TimeUnit.MILLISECONDS);
                    tally.acknowledged.add(event.eventId());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof PublishException failure
                            && failure.reason() == FailureReason.PUBLISH_FAILED
                            && event.eventId().equals(failure.eventId())) {
                        tally.failed.add(event.eventId());
                    } else {
                        tally.unexpectedFailures.put(event.eventId(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    tally.pending.add(event.eventId());
                }
            }
            return tally;
        }

        @Override
        public void close() {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void sendUntilStopped() {
            try {
                for (int i = 0; i < MAX_EVENTS && !stopped.get(); i++) {
                    EventEnvelope<SpellcheckRequestedDataV1> envelope = request(ESSAY_TEXT + " nummer " + i);
                    CompletableFuture<PublishResult> future = publisher.publishAsync(
                            PublishRequest.of(envelope).toTopic(topic));
                    future.thenRun(acknowledged::incrementAndGet);
                    synchronized (sent) {
                        sent.add(new Sent(envelope.eventId(), future));
                    }
                    // Spread the sends over time, so some are in flight whenever the broker goes down.
                    Thread.sleep(2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                error.set(e);
            }
        }
    }
}
