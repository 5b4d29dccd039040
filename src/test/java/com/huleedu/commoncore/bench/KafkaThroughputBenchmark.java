package com.huleedu.commoncore.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.json.EventJson;
import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.kafka.EventPublisher;
import com.huleedu.commoncore.kafka.PublishRequest;
import com.huleedu.commoncore.kafka.PublisherSettings;
import com.huleedu.commoncore.kafka.consumer.ConsumerObserver;
import com.huleedu.commoncore.kafka.consumer.ConsumerSettings;
import com.huleedu.commoncore.kafka.consumer.EventConsumer;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.UniqueNames;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * End-to-end Kafka throughput of common-core's publisher and consumer against raw Kafka
 * clients with the same settings, on the same broker and the same topic layout.
 *
 * <p>A timed harness, not JMH: each scenario runs untimed repetitions to warm up the clients
 * and the broker, then a number of timed repetitions, alternating which side goes first so that drift in the machine's load
 * affects both sides alike. Every topic has {@value #PARTITIONS} partitions.
 *
 * <p>Publishing: {@link EventPublisher#publishAsync(PublishRequest)} for every event, then a
 * wait for all futures; against a {@link KafkaProducer} with the publisher's own Kafka
 * properties, sending pre-encoded values with the same keys and headers. The publisher encodes
 * and validates inside the timed region; the raw producer does not.
 *
 * <p>Consuming: from the first poll until all records are handled and their offsets committed,
 * each run with a new consumer group. {@link EventConsumer} decodes, validates and commits
 * after each poll; the raw loop decodes with a hand-tuned Jackson {@link ObjectReader} and
 * calls {@code commitSync()} once per poll; the reference loop calls {@code commitSync} after
 * every record.
 */
public final class KafkaThroughputBenchmark {

    /** Partitions of every benchmark topic. */
    public static final int PARTITIONS = 3;

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final int DISTINCT_TEXTS = 256;

    /**
     * Sizes of one benchmark run.
     *
     * @param batchRecords records per repetition for publishing and batch consuming
     * @param commitPerRecordRecords records per repetition of the commit-per-record loop
     * @param warmupRecords records each producer sends before its timed repetition
     * @param warmupRepetitions untimed repetitions per side before the timed ones, because the
     *        broker's JVM keeps getting faster for the first few hundred thousand records
     * @param repetitions timed repetitions per side for publishing and batch consuming
     * @param commitPerRecordRepetitions timed repetitions of the commit-per-record loop
     */
    public record Sizes(int batchRecords, int commitPerRecordRecords, int warmupRecords, int warmupRepetitions,
            int repetitions, int commitPerRecordRepetitions) {

        /** Sizes of the full run: large enough for stable rates, small enough for the time budget. */
        public static final Sizes FULL = new Sizes(40_000, 2_000, 5_000, 3, 5, 3);

        /** Sizes of the smoke run, which only proves that every scenario works. */
        public static final Sizes SMOKE = new Sizes(300, 100, 50, 0, 1, 1);
    }

    /**
     * Rates of all scenarios.
     *
     * @param recordBytes the size of one encoded record value in bytes
     * @param publisher common-core's publisher
     * @param rawProducer the raw producer with the same settings
     * @param consumer common-core's consumer
     * @param rawPerPoll the raw consumer loop that commits once per poll
     * @param rawPerRecord the raw consumer loop that commits after every record
     */
    public record Results(int recordBytes, RateSample publisher, RateSample rawProducer, RateSample consumer,
            RateSample rawPerPoll, RateSample rawPerRecord) {
    }

    /** One record as the raw producer sends it: encoded by common-core before timing. */
    private record Encoded(byte[] key, byte[] value, Header[] headers) {
    }

    private final KafkaBroker broker;
    private final Sizes sizes;
    private final PrintStream log;
    private final EventCodec codec = EventCodec.withDefaults();
    private final ObjectReader tunedReader;
    private final AtomicLong handledChars = new AtomicLong();

    /**
     * Creates the harness.
     *
     * @param broker the broker to run on, normally the harness broker on 127.0.0.1
     * @param sizes record counts and repetitions
     * @param log where progress lines go
     */
    public KafkaThroughputBenchmark(KafkaBroker broker, Sizes sizes, PrintStream log) {
        this.broker = broker;
        this.sizes = sizes;
        this.log = log;
        var mapper = EventJson.newObjectMapper();
        this.tunedReader = mapper.readerFor(mapper.getTypeFactory()
                .constructParametricType(EventEnvelope.class, SpellcheckRequestedDataV1.class));
    }

    /**
     * Runs every scenario.
     *
     * @return the rates
     * @throws IllegalStateException if a run fails or does not finish within its timeout
     */
    public Results run() {
        List<EventEnvelope<SpellcheckRequestedDataV1>> events = events(sizes.warmupRecords() + sizes.batchRecords());
        int recordBytes = codec.encode(events.get(0)).length;
        log.printf("Kafka: %d records per repetition, %d bytes per record value, %d partitions%n",
                sizes.batchRecords(), recordBytes, PARTITIONS);

        PublisherSettings publisherSettings = PublisherSettings.builder(broker.bootstrapServers()).build();
        RateSample[] publishing = publishing(publisherSettings, events);
        RateSample[] consuming = consuming(publisherSettings, events.subList(0, sizes.batchRecords()));
        return new Results(recordBytes, publishing[0], publishing[1], consuming[0], consuming[1], consuming[2]);
    }

    private List<EventEnvelope<SpellcheckRequestedDataV1>> events(int count) {
        EventFactory factory = BenchmarkEvents.factory(codec.registry());
        String[] texts = new String[DISTINCT_TEXTS];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = BenchmarkEvents.text(BenchmarkEvents.KAFKA_TEXT_BYTES, i);
        }
        List<EventEnvelope<SpellcheckRequestedDataV1>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(BenchmarkEvents.envelope(factory, texts[i % texts.length], i));
        }
        return events;
    }

    private RateSample[] publishing(PublisherSettings settings, List<EventEnvelope<SpellcheckRequestedDataV1>> events) {
        List<Encoded> encoded = new ArrayList<>(events.size());
        for (EventEnvelope<SpellcheckRequestedDataV1> event : events) {
            RecordHeaders headers = new RecordHeaders();
            EventHeaders.write(headers, event, null);
            byte[] key = PublishRequest.of(event).effectiveKey().getBytes(StandardCharsets.UTF_8);
            encoded.add(new Encoded(key, codec.encode(event), headers.toArray()));
        }
        int warmup = sizes.warmupRecords();
        int records = sizes.batchRecords();
        List<Double> publisherRates = new ArrayList<>();
        List<Double> rawRates = new ArrayList<>();
        int total = sizes.warmupRepetitions() + sizes.repetitions();
        for (int repetition = 0; repetition < total; repetition++) {
            boolean timed = repetition >= sizes.warmupRepetitions();
            for (int side = 0; side < 2; side++) {
                boolean ours = (side + repetition) % 2 == 0;
                String topic = newTopic(ours ? "bench-publisher" : "bench-producer");
                double rate = ours
                        ? publishWithPublisher(settings, topic, events.subList(0, warmup), events.subList(warmup, warmup + records))
                        : publishRaw(settings, topic, encoded.subList(0, warmup), encoded.subList(warmup, warmup + records));
                if (timed) {
                    (ours ? publisherRates : rawRates).add(rate);
                }
                log.printf("Kafka: %s %d, %s: %.0f records/s%n", timed ? "repetition" : "warm-up",
                        timed ? repetition - sizes.warmupRepetitions() + 1 : repetition + 1,
                        ours ? "EventPublisher" : "raw KafkaProducer", rate);
            }
        }
        return new RateSample[] {
            new RateSample("EventPublisher.publishAsync", records, publisherRates),
            new RateSample("raw KafkaProducer, same settings", records, rawRates)
        };
    }

    private double publishWithPublisher(PublisherSettings settings, String topic,
            List<EventEnvelope<SpellcheckRequestedDataV1>> warmup, List<EventEnvelope<SpellcheckRequestedDataV1>> timed) {
        try (EventPublisher publisher = EventPublisher.create(settings, codec)) {
            sendAll(publisher, topic, warmup);
            long start = System.nanoTime();
            sendAll(publisher, topic, timed);
            return rate(timed.size(), System.nanoTime() - start);
        }
    }

    private static void sendAll(EventPublisher publisher, String topic, List<EventEnvelope<SpellcheckRequestedDataV1>> events) {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < futures.length; i++) {
            futures[i] = publisher.publishAsync(PublishRequest.of(events.get(i)).toTopic(topic));
        }
        await(CompletableFuture.allOf(futures), "EventPublisher to " + topic);
    }

    private double publishRaw(PublisherSettings settings, String topic, List<Encoded> warmup, List<Encoded> timed) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.kafkaProperties())) {
            sendAll(producer, topic, warmup);
            long start = System.nanoTime();
            sendAll(producer, topic, timed);
            return rate(timed.size(), System.nanoTime() - start);
        }
    }

    private static void sendAll(KafkaProducer<byte[], byte[]> producer, String topic, List<Encoded> records) {
        CountDownLatch acknowledged = new CountDownLatch(records.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (Encoded record : records) {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), Arrays.asList(record.headers())),
                    (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                        acknowledged.countDown();
                    });
        }
        awaitLatch(acknowledged, "raw KafkaProducer to " + topic);
        if (failure.get() != null) {
            throw new IllegalStateException("raw KafkaProducer failed to send to " + topic, failure.get());
        }
    }

    private RateSample[] consuming(PublisherSettings settings, List<EventEnvelope<SpellcheckRequestedDataV1>> events) {
        String topic = newTopic("bench-consume");
        try (EventPublisher publisher = EventPublisher.create(settings, codec)) {
            sendAll(publisher, topic, events);
        }
        int records = events.size();
        log.printf("Kafka: filled %s with %d records; warming up the consumers%n", topic, records);
        for (int repetition = 0; repetition < Math.max(1, sizes.warmupRepetitions()); repetition++) {
            consumeWithEventConsumer(topic, records);
            consumeRaw(topic, records, false);
        }

        List<Double> consumerRates = new ArrayList<>();
        List<Double> perPollRates = new ArrayList<>();
        for (int repetition = 0; repetition < sizes.repetitions(); repetition++) {
            for (int side = 0; side < 2; side++) {
                boolean ours = (side + repetition) % 2 == 0;
                double rate = ours ? consumeWithEventConsumer(topic, records) : consumeRaw(topic, records, false);
                (ours ? consumerRates : perPollRates).add(rate);
                log.printf("Kafka: repetition %d, %s: %.0f records/s%n", repetition + 1,
                        ours ? "EventConsumer" : "raw KafkaConsumer, commit per poll", rate);
            }
        }
        List<Double> perRecordRates = new ArrayList<>();
        int perRecord = Math.min(sizes.commitPerRecordRecords(), records);
        for (int repetition = 0; repetition < sizes.commitPerRecordRepetitions(); repetition++) {
            double rate = consumeRaw(topic, perRecord, true);
            perRecordRates.add(rate);
            log.printf("Kafka: repetition %d, raw KafkaConsumer, commit per record: %.0f records/s%n", repetition + 1, rate);
        }
        return new RateSample[] {
            new RateSample("EventConsumer, commit per poll", records, consumerRates),
            new RateSample("raw KafkaConsumer + ObjectReader, commitSync per poll", records, perPollRates),
            new RateSample("raw KafkaConsumer + ObjectReader, commitSync per record", perRecord, perRecordRates)
        };
    }

    /**
     * Consumes the whole topic, which must hold exactly {@code records} records from offset 0,
     * and returns the rate up to the commit that covers the last of them.
     */
    private double consumeWithEventConsumer(String topic, int records) {
        ConsumerSettings settings = ConsumerSettings.builder(broker.bootstrapServers(),
                UniqueNames.groupId("bench-event-consumer"), topic).build();
        Map<TopicPartition, Long> committed = new ConcurrentHashMap<>();
        CountDownLatch allCommitted = new CountDownLatch(1);
        AtomicLong endNanos = new AtomicLong();
        ConsumerObserver observer = new ConsumerObserver() {
            @Override
            public void onCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
                offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
                long total = committed.values().stream().mapToLong(Long::longValue).sum();
                if (total >= records && allCommitted.getCount() > 0) {
                    endNanos.set(System.nanoTime());
                    allCommitted.countDown();
                }
            }
        };
        EventConsumer consumer = EventConsumer.builder(settings, codec)
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> handledChars.addAndGet(event.data().text().length()))
                .observer(observer)
                .build();
        try {
            long start = System.nanoTime();
            consumer.start();
            awaitLatch(allCommitted, "EventConsumer on " + topic);
            double rate = rate(records, endNanos.get() - start);
            consumer.close();
            if (consumer.stats().handled() != records) {
                throw new IllegalStateException("EventConsumer handled " + consumer.stats().handled() + " of " + records
                        + " records from " + topic + ": " + consumer.stats());
            }
            return rate;
        } finally {
            consumer.close();
        }
    }

    /**
     * Consumes {@code records} records with a raw {@link KafkaConsumer} and the hand-tuned reader,
     * committing once per poll or after every record.
     */
    private double consumeRaw(String topic, int records, boolean commitPerRecord) {
        ConsumerSettings settings = ConsumerSettings.builder(broker.bootstrapServers(),
                UniqueNames.groupId(commitPerRecord ? "bench-per-record" : "bench-per-poll"), topic).build();
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings.consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            int consumed = 0;
            while (consumed < records) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("raw KafkaConsumer consumed only " + consumed + " of " + records
                            + " records from " + topic + " within " + RUN_TIMEOUT.toSeconds() + " s");
                }
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL_TIMEOUT);
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    EventEnvelope<SpellcheckRequestedDataV1> event = decode(record.value());
                    handledChars.addAndGet(event.data().text().length());
                    consumed++;
                    if (commitPerRecord) {
                        consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1)));
                        if (consumed == records) {
                            break;
                        }
                    }
                }
                if (!commitPerRecord && !polled.isEmpty()) {
                    consumer.commitSync();
                }
            }
            return rate(records, System.nanoTime() - start);
        }
    }

    private EventEnvelope<SpellcheckRequestedDataV1> decode(byte[] value) {
        try {
            return tunedReader.readValue(value);
        } catch (IOException e) {
            throw new UncheckedIOException("the hand-tuned reader failed on a benchmark record", e);
        }
    }

    private String newTopic(String prefix) {
        String topic = UniqueNames.topic(prefix);
        broker.createTopic(topic, PARTITIONS);
        return topic;
    }

    private static double rate(int records, long nanos) {
        return records / (nanos / 1e9);
    }

    private static void await(CompletableFuture<?> future, String what) {
        try {
            future.get(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within " + RUN_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    private static void awaitLatch(CountDownLatch latch, String what) {
        try {
            if (!latch.await(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(what + " did not finish within " + RUN_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }
}
