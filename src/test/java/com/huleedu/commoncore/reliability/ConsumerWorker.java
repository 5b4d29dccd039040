package com.huleedu.commoncore.reliability;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.kafka.consumer.ConsumerObserver;
import com.huleedu.commoncore.kafka.consumer.ConsumerSettings;
import com.huleedu.commoncore.kafka.consumer.EventConsumer;
import com.huleedu.commoncore.kafka.consumer.EventContext;
import com.huleedu.commoncore.kafka.consumer.RetryPolicy;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer of the fault run, started by {@link FaultRunTest} as a child JVM so that the test
 * can end it with SIGKILL.
 *
 * <p>The worker runs an {@link EventConsumer} for spellcheck requests and appends one line per
 * outcome to its evidence file, written without a buffer before the handler or observer
 * returns, so a line is in the file before its record can be committed:
 * <ul>
 *   <li>{@code H <event id> <topic-partition@offset> <worker id>}: handled;</li>
 *   <li>{@code R <topic-partition@offset> <worker id>}: a retry was scheduled;</li>
 *   <li>{@code D <topic-partition@offset> <reason> <worker id>}: dead-lettered;</li>
 *   <li>{@code C <topic-partition> <offset> <worker id>}: committed.</li>
 * </ul>
 *
 * <p>The first attempt of an event fails with an {@link IllegalStateException} when a hash of
 * the seed and the event id falls under the failure rate, so a replacement worker makes the
 * same choice. The worker stops cleanly when its standard input gets the line {@code stop} or
 * is closed (the test JVM ended).
 */
public final class ConsumerWorker {

    /** Line the worker prints to standard output once its consumer thread runs. */
    public static final String STARTED = "WORKER STARTED";

    private final OutputStream evidence;
    private final String workerId;

    private ConsumerWorker(OutputStream evidence, String workerId) {
        this.evidence = evidence;
        this.workerId = workerId;
    }

    /**
     * Runs a worker until standard input says {@code stop} or closes.
     *
     * @param args bootstrap servers, group id, topic, worker id, evidence file, seed, failure
     *        rate in per mille of first attempts, handler delay in microseconds, and the
     *        password placed in the {@code sasl.jaas.config} client property
     * @throws Exception if the evidence file cannot be opened or the consumer fails to start
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            throw new IllegalArgumentException("expected 9 arguments: bootstrap group topic workerId evidenceFile"
                    + " seed failurePerMille delayMicros password, got " + args.length);
        }
        String bootstrap = args[0];
        String group = args[1];
        String topic = args[2];
        String workerId = args[3];
        Path evidenceFile = Path.of(args[4]);
        long seed = Long.parseLong(args[5]);
        int failurePerMille = Integer.parseInt(args[6]);
        long delayMicros = Long.parseLong(args[7]);
        String password = args[8];

        ConsumerSettings settings = ConsumerSettings.builder(bootstrap, group, topic)
                .pollTimeout(Duration.ofMillis(200))
                .retryPolicy(new RetryPolicy(5, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1)))
                .deadLetterTimeout(Duration.ofSeconds(10))
                .consumerProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)
                .consumerProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000)
                .consumerProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000)
                .consumerProperty(ConsumerConfig.CLIENT_ID_CONFIG, "fault-run-" + workerId)
                // Kafka ignores SASL settings on a PLAINTEXT listener, so this only puts a secret
                // into the logged configuration, where it must stay hidden.
                .clientProperty("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                        + " required username=\"fault-run\" password=\"" + password + "\";")
                .build();

        try (OutputStream evidence = new FileOutputStream(evidenceFile.toFile(), true)) {
            ConsumerWorker worker = new ConsumerWorker(evidence, workerId);
            EventConsumer consumer = EventConsumer.builder(settings, EventCodec.withDefaults())
                    .handle(SpellcheckRequestedDataV1.class,
                            (event, context) -> worker.handle(event, context, seed, failurePerMille, delayMicros))
                    .observer(worker.observer())
                    .build();
            consumer.start();
            System.out.println(STARTED);
            System.out.flush();
            awaitStop();
            consumer.close();
            System.out.println("WORKER STOPPED " + consumer.stats());
        }
    }

    private void handle(EventEnvelope<SpellcheckRequestedDataV1> event, EventContext context, long seed,
            int failurePerMille, long delayMicros) throws InterruptedException {
        if (context.attempt() == 1 && failsFirstAttempt(seed, event.eventId(), failurePerMille)) {
            throw new IllegalStateException("injected transient failure of the first attempt");
        }
        if (delayMicros > 0) {
            TimeUnit.MICROSECONDS.sleep(delayMicros);
        }
        append("H " + event.eventId() + " " + context.coordinates() + " " + workerId);
    }

    /** Returns whether the first attempt of this event fails, the same in every worker. */
    static boolean failsFirstAttempt(long seed, UUID eventId, int failurePerMille) {
        long mixed = seed ^ eventId.getMostSignificantBits() ^ Long.rotateLeft(eventId.getLeastSignificantBits(), 17);
        return new SplittableRandom(mixed).nextInt(1000) < failurePerMille;
    }

    private ConsumerObserver observer() {
        return new ConsumerObserver() {
            @Override
            public void onRetryScheduled(EventContext context, Throwable failure) {
                append("R " + context.coordinates() + " " + workerId);
            }

            @Override
            public void onDeadLettered(EventContext context, FailureReason reason) {
                append("D " + context.coordinates() + " " + reason.headerValue() + " " + workerId);
            }

            @Override
            public void onCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
                StringBuilder lines = new StringBuilder();
                offsets.forEach((partition, offset) -> lines.append("C ").append(partition).append(' ')
                        .append(offset.offset()).append(' ').append(workerId).append('\n'));
                appendRaw(lines.toString());
            }
        };
    }

    private void append(String line) {
        appendRaw(line + "\n");
    }

    private void appendRaw(String text) {
        try {
            // An unbuffered write reaches the operating system before this returns, so it
            // survives a SIGKILL of this JVM.
            evidence.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to append to the evidence file of worker " + workerId, e);
        }
    }

    private static void awaitStop() throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.trim().equals("stop")) {
                return;
            }
        }
    }
}
