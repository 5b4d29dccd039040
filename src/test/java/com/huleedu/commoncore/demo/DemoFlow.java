package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.demo.BatchService.Published;
import com.huleedu.commoncore.demo.DemoKafka.DeadLetters;
import com.huleedu.commoncore.demo.DemoKafka.PartitionOffsets;
import com.huleedu.commoncore.demo.RequestSamples.Outgoing;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventPublisher;
import com.huleedu.commoncore.kafka.consumer.ConsumerStats;
import com.huleedu.commoncore.kafka.consumer.EventConsumer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * One run of the spellcheck flow on a running broker. It creates the topics, starts the
 * spellcheck service and the results checker, and publishes the requests. It waits until every
 * request is done and every handled request has a result. Then it reads back the dead-letter
 * topic and the offsets and writes the summary.
 */
final class DemoFlow {

    /** Bound of each read-back step after the flow, which runs even when the flow timed out. */
    private static final Duration READ_BACK_TIMEOUT = Duration.ofSeconds(30);

    private final DemoOptions options;
    private final DemoKafka kafka;
    private final String brokerDescription;
    private final String runId;
    private final PrintStream out;

    DemoFlow(DemoOptions options, DemoKafka kafka, String brokerDescription, String runId, PrintStream out) {
        this.options = options;
        this.kafka = kafka;
        this.brokerDescription = brokerDescription;
        this.runId = runId;
        this.out = out;
    }

    /**
     * Runs the flow and writes the output files.
     *
     * @return the summary, whose exit code is 0 only when every check passed
     * @throws IOException if an output file cannot be written
     */
    DemoSummary execute() throws IOException {
        long startNanos = System.nanoTime();
        Deadline deadline = Deadline.after(options.timeout());
        Path outDir = options.outDir();
        Files.createDirectories(outDir);
        DemoTopics topics = DemoTopics.forRun(runId);
        EventCodec codec = EventCodec.withDefaults();
        EventFactory batchFactory = EventFactory.forService("batch-service", codec.registry());
        EventFactory spellcheckFactory = EventFactory.forService("spellcheck-service", codec.registry());
        boolean generated = options.inputDir() == null;
        List<Outgoing> requests = generated
                ? RequestSamples.generate(options.count(), batchFactory, codec, "demo-" + runId)
                : BatchService.readInputDirectory(options.inputDir());

        out.println("Run " + runId + ": " + requests.size() + " record(s) from "
                + (generated ? "the generated set" : options.inputDir().toAbsolutePath()) + ", " + brokerDescription);
        out.println("Requests topic " + topics.requests() + " (" + DemoKafka.PARTITIONS + " partitions), results topic "
                + topics.results() + ", output " + outDir.toAbsolutePath());

        List<String> flowFailures = new ArrayList<>();
        try (Admin admin = kafka.createAdmin();
                JsonLines publishedLog = JsonLines.create(outDir.resolve("published.jsonl"));
                JsonLines processedLog = JsonLines.create(outDir.resolve("processed.jsonl"));
                JsonLines deadLetterLog = JsonLines.create(outDir.resolve("dead-letter.jsonl"));
                EventPublisher batchPublisher = EventPublisher.create(kafka.publisherSettings(), codec);
                EventPublisher spellcheckPublisher = EventPublisher.create(kafka.publisherSettings(), codec);
                KafkaProducer<byte[], byte[]> rawProducer = kafka.createRawProducer()) {
            kafka.createTopics(admin, topics, deadline);

            BatchService batch = new BatchService(batchPublisher, rawProducer, codec, topics.requests(), publishedLog);
            SpellcheckService service = new SpellcheckService(spellcheckFactory, spellcheckPublisher, topics.results(),
                    options.failEvery(), options.failAfterPublishEvery(), processedLog);
            ResultsChecker checker = new ResultsChecker();
            DoneTracker done = new DoneTracker();
            EventConsumer spellcheckConsumer = EventConsumer.builder(
                            kafka.consumerSettings(topics.spellcheckGroup(), topics.requests()), codec)
                    .handle(SpellcheckRequestedDataV1.class, service)
                    .observer(done)
                    .build();
            EventConsumer checkerConsumer = EventConsumer.builder(
                            kafka.consumerSettings(topics.checkerGroup(), topics.results()), codec)
                    .handle(SpellcheckResultDataV1.class, checker)
                    .build();
            ProgressReporter progress = new ProgressReporter(out, () -> progressLine(batch, spellcheckConsumer, checker));

            try (spellcheckConsumer; checkerConsumer; progress) {
                spellcheckConsumer.start();
                checkerConsumer.start();
                progress.start();
                batch.publish(requests, deadline);
                List<String> publishedRecords = batch.published().stream().map(Published::coordinates).toList();
                deadline.await("every request is handled or dead-lettered", () -> done.allDone(publishedRecords));
                deadline.await("every handled request has a result",
                        () -> checker.coversAll(service.handledRequests().keySet()));
            } catch (Deadline.DemoTimeoutException | IllegalStateException e) {
                flowFailures.add(e.getMessage());
            }
            // The consumers are closed here, so their final commits are made.
            progress.print();

            DeadLetters deadLetters = new DeadLetters(Map.of(), Map.of());
            List<PartitionOffsets> offsets = List.of();
            try {
                deadLetters = kafka.readDeadLetters(topics.requestsDeadLetter(), deadLetterLog, Deadline.after(READ_BACK_TIMEOUT));
                offsets = kafka.offsets(admin, topics.spellcheckGroup(), topics.requests(), Deadline.after(READ_BACK_TIMEOUT));
            } catch (Deadline.DemoTimeoutException | IllegalStateException e) {
                flowFailures.add(e.getMessage());
            }

            List<Published> published = batch.published();
            Map<String, String> handled = service.handledRequests();
            ConsumerStats stats = spellcheckConsumer.stats();
            ResultsChecker.Check resultCheck = checker.check(handled);
            List<String> lost = lostRecords(published, handled.keySet(), deadLetters.reasonByRecord().keySet());
            DemoSummary.Counts counts = new DemoSummary.Counts(published.size(), stats.handled(), stats.retried(),
                    deadLetters.byReason().values().stream().mapToLong(Long::longValue).sum(), new TreeMap<>(deadLetters.byReason()), checker.answeredRequests(),
                    checker.records(), checker.duplicates(), resultCheck.missing().size(),
                    resultCheck.distinctCorrelationIds(), lost.size());
            List<String> mismatches = sampleMismatches(published, handled.keySet(), deadLetters.reasonByRecord());
            List<String> failures = DemoSummary.failedChecks(flowFailures, counts, offsets, resultCheck, mismatches);
            long durationMillis = (System.nanoTime() - startNanos) / 1_000_000;
            DemoSummary summary = new DemoSummary(runId, generated ? "generated" : "input", brokerDescription, topics,
                    counts, lost, offsets, mismatches, failures, durationMillis);
            summary.write(outDir.resolve("summary.json"));
            return summary;
        }
    }

    private static String progressLine(BatchService batch, EventConsumer spellcheckConsumer, ResultsChecker checker) {
        ConsumerStats stats = spellcheckConsumer.stats();
        return String.format("published %d, handled %d, retried %d, dead-lettered %d, results %d, duplicate results %d",
                batch.acknowledged(), stats.handled(), stats.retried(), stats.deadLettered(), checker.answeredRequests(),
                checker.duplicates());
    }

    /** Returns the published records that were neither handled nor dead-lettered. */
    static List<String> lostRecords(List<Published> published, Set<String> handled, Set<String> deadLettered) {
        Set<String> done = new HashSet<>(handled);
        done.addAll(deadLettered);
        return published.stream().map(Published::coordinates).filter(record -> !done.contains(record)).toList();
    }

    /** Returns one entry per record with an expected outcome that it did not reach. */
    static List<String> sampleMismatches(List<Published> published, Set<String> handled, Map<String, String> deadLettered) {
        List<String> mismatches = new ArrayList<>();
        for (Published record : published) {
            if (record.expected() == null) {
                continue;
            }
            String actual = handled.contains(record.coordinates())
                    ? RequestSamples.HANDLED
                    : deadLettered.getOrDefault(record.coordinates(), "lost");
            if (!actual.equals(record.expected())) {
                mismatches.add(record.key() + " at " + record.coordinates() + ": expected " + record.expected()
                        + ", got " + actual);
            }
        }
        return mismatches;
    }
}
