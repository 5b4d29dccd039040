package com.huleedu.commoncore.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.EventHeaders;
import com.huleedu.commoncore.kafka.consumer.DeadLetterHeaders;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs consumer workers in child JVMs over a topic with valid and poison events, while the test
 * kills workers with SIGKILL, adds and removes workers, and kills and restarts the broker. Then
 * it checks that nothing was lost and that every poison record was dead-lettered. It also checks
 * that every duplicate comes from a handling that its worker never committed.
 *
 * <p>System properties: {@code reliability.events} (default 3,000; the documented full run uses
 * 20,000), {@code reliability.seed} (default: the current time, printed), and
 * {@code reliability.handlerDelayMicros} (default: 30 s of handling per partition in all, so
 * that the faults land while records are still being handled). Figures are printed and written
 * to {@code target/reliability/fault-run.txt}.
 */
@RealKafka
class FaultRunTest {

    private static final int PARTITIONS = 3;
    private static final int FAILURE_PER_MILLE = 30;
    private static final String SECRET_SENTENCE = "Elevens hemliga uppsats om sin mormors tr\u00e4dg\u00e5rd i Norrland";
    private static final String PASSWORD = "s3cr3t-fault-run-7d1f";
    private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(3);
    private static final int INITIAL_WORKERS = 2;

    /** The faults in order, each injected once this fraction of all records is done. */
    private static final List<Map.Entry<Double, Fault>> SCHEDULE = List.of(
            Map.entry(0.08, Fault.ADD_WORKER),
            Map.entry(0.18, Fault.KILL_WORKER),
            Map.entry(0.30, Fault.KILL_BROKER),
            Map.entry(0.45, Fault.KILL_WORKER),
            Map.entry(0.58, Fault.REMOVE_WORKER),
            Map.entry(0.70, Fault.KILL_WORKER));

    private enum Fault { ADD_WORKER, KILL_WORKER, KILL_BROKER, REMOVE_WORKER }

    /** What the test sent to one offset of the topic. */
    private record Sent(String kind, String eventId, byte[] value) {
        boolean poison() {
            return !kind.equals("valid");
        }
    }

    @Test
    void faultRunLosesNothing(KafkaBroker broker) throws Exception {
        broker.assumeFaultControl();
        int events = Integer.getInteger("reliability.events", 3_000);
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        long delayMicros = Long.getLong("reliability.handlerDelayMicros", 30_000_000L * PARTITIONS / events);
        System.out.println("FaultRunTest: " + events + " events, seed " + seed + ", handler delay " + delayMicros
                + " us (rerun with -Dreliability.events=" + events + " -Dreliability.seed=" + seed + ")");

        String topic = UniqueNames.topic("fault-run");
        String group = UniqueNames.groupId("fault-run");
        broker.createTopic(topic, PARTITIONS);
        broker.createTopic(topic + ".DLQ", 1);
        Path runDir = Files.createTempDirectory("commoncore-fault-run-");
        Path logbackConfig = writeWorkerLogback(runDir);
        System.out.println("FaultRunTest: evidence and worker logs in " + runDir);

        ListAppender<ILoggingEvent> testLog = captureTestLog();
        Map<String, Level> previousLevels = raiseLogLevels();
        long startNanos = System.nanoTime();
        Map<String, Sent> sent;
        Faults faults = new Faults();
        List<WorkerProcess> workers = new ArrayList<>();
        Map<TopicPartition, Long> committed;
        Map<TopicPartition, Long> ends;
        try {
            sent = produce(broker, topic, events, new Random(seed));
            List<String> workerArguments = List.of(Long.toString(seed), Integer.toString(FAILURE_PER_MILLE),
                    Long.toString(delayMicros), PASSWORD);
            WorkerStarter starter = id -> WorkerProcess.start(runDir, logbackConfig, broker.bootstrapServers(), group,
                    topic, id, workerArguments);
            try {
                for (int i = 0; i < INITIAL_WORKERS; i++) {
                    workers.add(starter.start("w" + (workers.size() + 1)));
                }
                injectFaults(broker, workers, starter, faults, events);
                try (Admin admin = broker.createAdmin()) {
                    ends = endOffsets(admin, topic);
                    committed = awaitCommittedAtEnd(admin, group, ends, finishTimeout(events), workers);
                }
            } finally {
                for (WorkerProcess worker : workers) {
                    if (worker.isAlive()) {
                        worker.stop();
                    }
                    worker.destroy();
                }
            }
        } finally {
            detach(testLog);
            restoreLogLevels(previousLevels);
        }
        long wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);

        RunEvidence evidence = RunEvidence.read(workers.stream().map(worker -> worker.evidenceFile).toList());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = readAll(broker, topic + ".DLQ");
        Map<String, WorkerProcess> workersById = new HashMap<>();
        workers.forEach(worker -> workersById.put(worker.workerId, worker));

        // Offsets: every partition committed up to its end.
        assertThat(committed).as("committed offsets at the end").isEqualTo(ends);

        // Loss: every valid event handled at least once, by event id.
        Set<String> handledIds = new HashSet<>();
        evidence.handlings.forEach(handling -> handledIds.add(handling.eventId()));
        List<String> lost = sent.values().stream()
                .filter(record -> !record.poison())
                .map(Sent::eventId)
                .filter(id -> !handledIds.contains(id))
                .toList();
        assertThat(lost).as("valid events never handled").isEmpty();

        // Handlings match what was sent at those coordinates, and no poison record was handled.
        List<String> mismatched = evidence.handlings.stream()
                .filter(handling -> sent.get(handling.coordinates()) == null
                        || sent.get(handling.coordinates()).poison()
                        || !sent.get(handling.coordinates()).eventId().equals(handling.eventId()))
                .map(RunEvidence.Handling::toString)
                .toList();
        assertThat(mismatched).as("handlings of records that were not sent as valid events").isEmpty();

        // Dead letters: each poison record with its bytes and the expected reason, nothing else.
        Map<String, List<ConsumerRecord<byte[], byte[]>>> deadLettersByOrigin = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> deadLetter : deadLetters) {
            String origin = header(deadLetter, DeadLetterHeaders.ORIGINAL_TOPIC) + "-"
                    + header(deadLetter, DeadLetterHeaders.ORIGINAL_PARTITION) + "@"
                    + header(deadLetter, DeadLetterHeaders.ORIGINAL_OFFSET);
            deadLettersByOrigin.computeIfAbsent(origin, key -> new ArrayList<>()).add(deadLetter);
        }
        List<String> deadLetterProblems = new ArrayList<>();
        Map<String, Integer> deadLetteredByReason = new TreeMap<>();
        int poison = 0;
        for (Map.Entry<String, Sent> entry : sent.entrySet()) {
            Sent record = entry.getValue();
            List<ConsumerRecord<byte[], byte[]>> copies = deadLettersByOrigin.getOrDefault(entry.getKey(), List.of());
            if (!record.poison()) {
                if (!copies.isEmpty()) {
                    deadLetterProblems.add(entry.getKey() + ": a valid event was dead-lettered");
                }
                continue;
            }
            poison++;
            if (copies.isEmpty()) {
                deadLetterProblems.add(entry.getKey() + " (" + record.kind() + "): missing from the dead-letter topic");
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> copy : copies) {
                String reason = header(copy, DeadLetterHeaders.FAILURE_REASON);
                if (!Arrays.equals(copy.value(), record.value())) {
                    deadLetterProblems.add(entry.getKey() + ": dead-letter value differs from the bytes sent");
                }
                if (!record.kind().equals(reason)) {
                    deadLetterProblems.add(entry.getKey() + ": reason " + reason + ", expected " + record.kind());
                }
            }
            deadLetteredByReason.merge(record.kind(), 1, Integer::sum);
        }
        assertThat(deadLetterProblems).as("dead-letter problems").isEmpty();
        assertThat(deadLettersByOrigin.keySet()).as("origins of dead letters")
                .allMatch(origin -> sent.containsKey(origin));

        // Duplicates: all but at most one handling of a record were never committed by their worker.
        Map<String, List<RunEvidence.Handling>> handlingsByRecord = new HashMap<>();
        evidence.handlings.forEach(handling -> handlingsByRecord
                .computeIfAbsent(handling.coordinates(), key -> new ArrayList<>()).add(handling));
        int duplicates = 0;
        Map<String, Integer> uncommittedByFate = new TreeMap<>();
        List<String> duplicateProblems = new ArrayList<>();
        Set<WorkerProcess> notKilledUncommitted = new HashSet<>();
        for (Map.Entry<String, List<RunEvidence.Handling>> entry : handlingsByRecord.entrySet()) {
            List<RunEvidence.Handling> handlings = entry.getValue();
            if (handlings.size() < 2) {
                continue;
            }
            duplicates += handlings.size() - 1;
            Set<String> workerIds = new HashSet<>();
            int committedHandlings = 0;
            for (RunEvidence.Handling handling : handlings) {
                if (!workerIds.add(handling.workerId())) {
                    duplicateProblems.add(entry.getKey() + ": handled twice by worker " + handling.workerId());
                }
                if (evidence.committedPast(handling.workerId(), entry.getKey())) {
                    committedHandlings++;
                } else {
                    WorkerProcess worker = workersById.get(handling.workerId());
                    uncommittedByFate.merge(worker.fate().name(), 1, Integer::sum);
                    if (worker.fate() != WorkerProcess.Fate.KILLED) {
                        notKilledUncommitted.add(worker);
                    }
                }
            }
            if (committedHandlings > 1) {
                duplicateProblems.add(entry.getKey() + ": handled again after worker commits passed it: " + handlings);
            }
        }
        assertThat(duplicateProblems).as("duplicates not explained by an uncommitted handling").isEmpty();
        assertThat(uncommittedByFate.getOrDefault("KILLED", 0)).as("uncommitted handlings of killed workers")
                .isLessThanOrEqualTo(faults.inFlightAtKills);
        for (WorkerProcess worker : notKilledUncommitted) {
            // A worker that was not killed leaves a handled record uncommitted only when a commit
            // failed or its partitions were lost, and the consumer logs both at WARN.
            String log = Files.readString(worker.logFile, StandardCharsets.UTF_8);
            assertThat(log.contains("those records will be delivered again") || log.contains("lost by group"))
                    .as("worker " + worker.workerId + " logged a failed commit or lost partitions").isTrue();
        }

        // Logs: no essay text and no password, in the workers' logs or in this JVM's.
        StringBuilder logs = new StringBuilder();
        for (WorkerProcess worker : workers) {
            if (Files.exists(worker.logFile)) {
                logs.append(Files.readString(worker.logFile, StandardCharsets.UTF_8));
            }
        }
        String workerLogs = logs.toString();
        String testLogText = logText(testLog);
        assertThat(workerLogs).as("worker logs").contains("sasl.jaas.config = [hidden]");
        assertThat(workerLogs).as("worker logs").doesNotContain(SECRET_SENTENCE);
        assertThat(workerLogs).as("worker logs").doesNotContain(PASSWORD);
        assertThat(testLogText).as("test JVM log").doesNotContain(SECRET_SENTENCE);
        assertThat(testLogText).as("test JVM log").doesNotContain(PASSWORD);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("events", events);
        figures.put("valid", events - poison);
        figures.put("poison", poison);
        figures.put("seed", seed);
        figures.put("handler delay us", delayMicros);
        figures.put("workers started", workers.size());
        figures.put("consumer kills (SIGKILL)", faults.consumerKills);
        figures.put("workers added", faults.added);
        figures.put("workers removed", faults.removed);
        figures.put("broker kills (SIGKILL)", faults.brokerKills);
        figures.put("partition assignments logged", count(workerLogs, "Partitions assigned to group"));
        figures.put("in flight at kills (handled, not committed)", faults.inFlightAtKills);
        figures.put("lost", lost.size());
        figures.put("handlings", evidence.handlings.size());
        figures.put("duplicates", duplicates);
        figures.put("uncommitted handlings of duplicated records by worker fate", uncommittedByFate);
        figures.put("dead-lettered by reason", deadLetteredByReason);
        figures.put("dead-letter records", deadLetters.size());
        figures.put("dead-letter duplicates", deadLetters.size() - deadLettersByOrigin.size());
        figures.put("retries", evidence.retries);
        figures.put("wall time ms", wallMillis);
        writeFigures(figures, runDir);
    }

    /** Starts a worker with the given id. */
    @FunctionalInterface
    private interface WorkerStarter {
        WorkerProcess start(String workerId) throws IOException;
    }

    /** Counts of injected faults. */
    private static final class Faults {
        int consumerKills;
        int added;
        int removed;
        int brokerKills;
        int inFlightAtKills;
    }

    /** Injects the scheduled faults as the run's progress passes each step, bounded in time. */
    private static void injectFaults(KafkaBroker broker, List<WorkerProcess> workers, WorkerStarter starter,
            Faults faults, int events) throws Exception {
        long deadline = System.nanoTime() + finishTimeout(events).toNanos();
        Map<String, Integer> handledBefore = new HashMap<>();
        for (Map.Entry<Double, Fault> step : SCHEDULE) {
            int target = (int) Math.ceil(step.getKey() * events);
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the run did not reach " + target + " done records before the deadline");
                }
                RunEvidence evidence = RunEvidence.read(workers.stream().map(worker -> worker.evidenceFile).toList());
                if (evidence.doneCoordinates().size() >= target) {
                    break;
                }
                Thread.sleep(200);
            }
            List<WorkerProcess> running = workers.stream().filter(WorkerProcess::isAlive).toList();
            System.out.println("FaultRunTest: " + step.getValue() + " at " + target + " done records");
            switch (step.getValue()) {
                case ADD_WORKER -> {
                    workers.add(starter.start("w" + (workers.size() + 1)));
                    faults.added++;
                }
                case KILL_WORKER -> {
                    WorkerProcess victim = busiestWorker(running, handledBefore);
                    victim.kill();
                    faults.consumerKills++;
                    faults.inFlightAtKills += inFlight(victim);
                    workers.add(starter.start("w" + (workers.size() + 1)));
                }
                case KILL_BROKER -> {
                    try {
                        broker.kill();
                        faults.brokerKills++;
                        Thread.sleep(BROKER_DOWN.toMillis());
                    } finally {
                        broker.restart();
                    }
                }
                case REMOVE_WORKER -> {
                    WorkerProcess leaving = busiestWorker(running, handledBefore);
                    assertThat(leaving.stop()).as("worker " + leaving.workerId + " stopped cleanly").isTrue();
                    faults.removed++;
                }
            }
        }
    }

    /** Returns the running worker with the most handlings since the last call, so a kill lands mid-batch. */
    private static WorkerProcess busiestWorker(List<WorkerProcess> running, Map<String, Integer> handledBefore)
            throws IOException {
        WorkerProcess busiest = running.get(0);
        int maxNewHandlings = -1;
        for (WorkerProcess worker : running) {
            int handled = RunEvidence.read(List.of(worker.evidenceFile)).handlings.size();
            int newHandlings = handled - handledBefore.getOrDefault(worker.workerId, 0);
            handledBefore.put(worker.workerId, handled);
            if (newHandlings > maxNewHandlings) {
                maxNewHandlings = newHandlings;
                busiest = worker;
            }
        }
        return busiest;
    }

    /** Counts the records a killed worker handled past its last recorded commit. */
    private static int inFlight(WorkerProcess killed) throws IOException {
        RunEvidence evidence = RunEvidence.read(List.of(killed.evidenceFile));
        return (int) evidence.handlings.stream()
                .filter(handling -> !evidence.committedPast(killed.workerId, handling.coordinates()))
                .count();
    }

    private static Duration finishTimeout(int events) {
        return Duration.ofSeconds(Math.max(600, events * 30L / 1000));
    }

    private static Map<String, Sent> produce(KafkaBroker broker, String topic, int events, Random random) throws Exception {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventCodec lenient = EventCodec.builder().registry(registry).validateOnEncode(false).build();
        EventFactory factory = EventFactory.forService("fault-run", registry);

        Set<Integer> poisonPositions = new HashSet<>();
        int poisonCount = Math.max(3, events / 100);
        while (poisonPositions.size() < poisonCount) {
            poisonPositions.add(random.nextInt(events));
        }
        String[] poisonKinds = {"malformed_json", "invalid_payload", "unknown_event_type"};

        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        List<Future<RecordMetadata>> futures = new ArrayList<>();
        List<Sent> records = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            int poisonIndex = 0;
            for (int i = 0; i < events; i++) {
                var envelope = factory.create(SpellcheckRequestedDataV1.of(SECRET_SENTENCE + " nummer " + i, "sv-SE"));
                String eventId = envelope.eventId().toString();
                RecordHeaders headers = new RecordHeaders();
                EventHeaders.write(headers, envelope, null);
                Sent record;
                if (poisonPositions.contains(i)) {
                    String kind = poisonKinds[poisonIndex++ % poisonKinds.length];
                    byte[] bytes = switch (kind) {
                        case "malformed_json" -> {
                            byte[] whole = codec.encode(envelope);
                            yield Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
                        }
                        case "invalid_payload" -> lenient.encode(factory.create(SpellcheckRequestedDataV1.of("   ")));
                        default -> new String(codec.encode(envelope), StandardCharsets.UTF_8)
                                .replace(envelope.eventType(), "huleedu.essay.unknown.thing.v1")
                                .getBytes(StandardCharsets.UTF_8);
                    };
                    record = new Sent(kind, eventId, bytes);
                } else {
                    record = new Sent("valid", eventId, codec.encode(envelope));
                }
                records.add(record);
                futures.add(producer.send(new ProducerRecord<>(topic, null, eventId.getBytes(StandardCharsets.UTF_8),
                        record.value(), headers)));
            }
            producer.flush();
        }
        Map<String, Sent> byCoordinates = new HashMap<>();
        for (int i = 0; i < events; i++) {
            RecordMetadata metadata = futures.get(i).get(PRODUCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            byCoordinates.put(topic + "-" + metadata.partition() + "@" + metadata.offset(), records.get(i));
        }
        return byCoordinates;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(60, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** Waits until the group committed every partition's end offset; returns the last offsets read. */
    private static Map<TopicPartition, Long> awaitCommittedAtEnd(Admin admin, String group,
            Map<TopicPartition, Long> ends, Duration timeout, List<WorkerProcess> workers) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> committed = Map.of();
        while (System.nanoTime() < deadline) {
            try {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> read = new HashMap<>();
                offsets.forEach((partition, offset) -> {
                    if (offset != null) {
                        read.put(partition, offset.offset());
                    }
                });
                committed = read;
            } catch (java.util.concurrent.ExecutionException e) {
                System.out.println("FaultRunTest: reading committed offsets failed, trying again: " + e.getCause());
            }
            if (committed.equals(ends)) {
                return committed;
            }
            if (workers.stream().noneMatch(WorkerProcess::isAlive)) {
                throw new AssertionError("every worker exited before the group committed the end offsets " + ends
                        + "; committed " + committed);
            }
            Thread.sleep(500);
        }
        return committed;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaBroker broker, String topic) {
        Map<String, Object> config = new HashMap<>(broker.clientProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(60));
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out reading " + topic + " up to its end offsets " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        return EventHeaders.lastValue(record.headers(), name).orElse(null);
    }

    private static Path writeWorkerLogback(Path runDir) throws IOException {
        Path config = runDir.resolve("worker-logback.xml");
        Files.writeString(config, """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>${worker.log.file}</file>
                    <append>true</append>
                    <immediateFlush>true</immediateFlush>
                    <encoder>
                      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} %X{event_id} - %msg%n</pattern>
                    </encoder>
                  </appender>
                  <logger name="com.huleedu" level="DEBUG"/>
                  <logger name="org.apache.kafka" level="INFO"/>
                  <root level="INFO">
                    <appender-ref ref="FILE"/>
                  </root>
                </configuration>
                """, StandardCharsets.UTF_8);
        return config;
    }

    private static ListAppender<ILoggingEvent> captureTestLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void detach(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }

    /** Lowers the common-core loggers to DEBUG, and returns their levels before. */
    private static Map<String, Level> raiseLogLevels() {
        Map<String, Level> previous = new HashMap<>();
        Map<String, Level> levels = Map.of("com.huleedu", Level.DEBUG);
        levels.forEach((name, level) -> {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        return previous;
    }

    private static void restoreLogLevels(Map<String, Level> previous) {
        previous.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    }

    private static String logText(ListAppender<ILoggingEvent> appender) {
        StringBuilder text = new StringBuilder();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list) {
                text.append(event.getFormattedMessage()).append('\n');
                for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                    text.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static void writeFigures(Map<String, Object> figures, Path runDir) throws IOException {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        System.out.print("FaultRunTest figures:\n" + text);
        Path directory = Path.of(System.getProperty("commoncore.build.directory", "target"), "reliability");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("fault-run.txt"), "run directory: " + runDir + "\n" + text,
                StandardCharsets.UTF_8);
    }
}
