package com.huleedu.commoncore.testing.childjvm;

import com.huleedu.commoncore.testing.BrokerMode;
import com.huleedu.commoncore.testing.BrokerStartException;
import com.huleedu.commoncore.testing.KafkaBroker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Single-node KRaft Kafka broker (broker and controller combined) running in a child JVM from the
 * {@code org.apache.kafka:kafka_2.13} jars on the test classpath.
 *
 * <p>Thread-safe: the lifecycle methods are synchronized. {@link #close()} kills the child JVM and
 * its descendants and deletes the broker's temporary directory. After that the broker cannot be
 * restarted. If the test JVM dies without closing it, {@link KafkaChildMain} halts the child when
 * its standard input closes.
 */
public final class ChildJvmKafkaBroker implements KafkaBroker, AutoCloseable {

    /** Bound for a start or restart, formatting included. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvmKafkaBroker.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final long PORT_RETRY_PAUSE_MILLIS = 500;
    private static final int MAX_PORT_ATTEMPTS = 5;

    private final BrokerDirectory directory;
    private final BrokerPorts ports;
    private final String clusterId;
    private final Duration startTimeout;
    private Process process;
    private boolean closed;

    private ChildJvmKafkaBroker(
            BrokerDirectory directory,
            BrokerPorts ports,
            String clusterId,
            Duration startTimeout,
            Process process) {
        this.directory = directory;
        this.ports = ports;
        this.clusterId = clusterId;
        this.startTimeout = startTimeout;
        this.process = process;
    }

    /**
     * Starts a broker with the default settings and waits until it is ready, bounded by {@link
     * #DEFAULT_START_TIMEOUT}.
     *
     * @return the running broker, which the caller must close
     * @throws BrokerStartException if the broker does not become ready in time
     */
    public static ChildJvmKafkaBroker start() {
        return start(Map.of(), DEFAULT_START_TIMEOUT);
    }

    /**
     * Starts a broker whose {@code server.properties} are the defaults with {@code overrides}
     * applied, and waits until it is ready. Ports that turn out to be taken are replaced by new
     * ones, for at most five attempts in all.
     *
     * @param overrides broker settings that replace or add to the defaults
     * @param timeout bound for each of start and later restarts
     * @return the running broker, which the caller must close
     * @throws BrokerStartException if the broker does not become ready in time. Its temporary
     *     directory is kept so that the log can be read.
     */
    public static ChildJvmKafkaBroker start(Map<String, String> overrides, Duration timeout) {
        return start(overrides, timeout, BrokerPorts::pickFree);
    }

    /**
     * Starts a broker like {@link #start(Map, Duration)}, taking the ports of each attempt from
     * {@code portSource}.
     */
    static ChildJvmKafkaBroker start(
            Map<String, String> overrides, Duration timeout, Supplier<BrokerPorts> portSource) {
        Objects.requireNonNull(overrides, "overrides");
        long deadline = System.nanoTime() + timeout.toNanos();
        BrokerDirectory directory = BrokerDirectory.create();
        ChildProcesses launcher = new ChildProcesses(directory);
        for (int attempt = 1; attempt <= MAX_PORT_ATTEMPTS; attempt++) {
            BrokerPorts ports = portSource.get();
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            directory.clearData();
            directory.writeServerProperties(ports, overrides);
            launcher.format(clusterId, deadline);

            ChildProcesses.Launch launch = launcher.launch();
            BrokerReadiness.Result result =
                    BrokerReadiness.await(
                            launch.process(), ports.bootstrapServers(), clusterId, deadline);
            switch (result.outcome()) {
                case READY:
                    LOG.info(
                            "Started Kafka broker in child JVM pid {} at {} (controller port {},"
                                + " directory {})",
                            launch.process().pid(),
                            ports.bootstrapServers(),
                            ports.controller(),
                            directory.root);
                    return new ChildJvmKafkaBroker(
                            directory, ports, clusterId, timeout, launch.process());
                case EXITED:
                case FOREIGN_CLUSTER:
                    ChildProcesses.destroyTree(launch.process(), STOP_TIMEOUT);
                    if (isPortConflict(directory, launch, result) && attempt < MAX_PORT_ATTEMPTS) {
                        LOG.warn(
                                "Kafka broker could not use ports {} and {} ({}); retrying with new"
                                    + " ports",
                                ports.broker(),
                                ports.controller(),
                                result.detail());
                        continue;
                    }
                    throw launcher.startFailure("the broker " + describe(result), launch, null);
                default:
                    ChildProcesses.destroyTree(launch.process(), STOP_TIMEOUT);
                    throw launcher.startFailure(
                            "the broker was not ready within "
                                    + timeout.toSeconds()
                                    + " s (last check: "
                                    + result.detail()
                                    + ")",
                            launch,
                            null);
            }
        }
        throw new IllegalStateException("unreachable: the last attempt returns or throws");
    }

    @Override
    public BrokerMode mode() {
        return BrokerMode.CHILD_JVM;
    }

    @Override
    public String bootstrapServers() {
        return ports.bootstrapServers();
    }

    /**
     * Returns the id of the cluster that this broker's log directory was formatted with.
     *
     * @return the cluster id
     */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Returns the file that collects the child JVM's standard output and error over all starts.
     *
     * @return path of the broker's log file
     */
    public Path logFile() {
        return directory.brokerLog;
    }

    /**
     * Returns whether the child JVM is running.
     *
     * @return {@code true} if the broker process is alive
     */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public boolean supportsFaultControl() {
        return true;
    }

    @Override
    public synchronized void stopGracefully() {
        requireOpen();
        if (!isRunning()) {
            return;
        }
        long pid = process.pid();
        LOG.info("Stopping Kafka broker pid {} with SIGTERM", pid);
        process.destroy();
        if (!waitForExit(process, STOP_TIMEOUT)) {
            ChildProcesses.destroyTree(process, STOP_TIMEOUT);
            throw new IllegalStateException(
                    "Kafka broker pid "
                            + pid
                            + " did not exit within "
                            + STOP_TIMEOUT.toSeconds()
                            + " s after SIGTERM and was killed; see "
                            + directory.brokerLog);
        }
        LOG.info("Kafka broker pid {} stopped with exit status {}", pid, process.exitValue());
    }

    @Override
    public synchronized void kill() {
        requireOpen();
        if (!isRunning()) {
            return;
        }
        long pid = process.pid();
        LOG.info("Killing Kafka broker pid {} with SIGKILL", pid);
        if (!ChildProcesses.destroyTree(process, STOP_TIMEOUT)) {
            throw new IllegalStateException(
                    "Kafka broker pid "
                            + pid
                            + " was still alive "
                            + STOP_TIMEOUT.toSeconds()
                            + " s after SIGKILL");
        }
    }

    @Override
    public synchronized void restart() {
        requireOpen();
        if (isRunning()) {
            stopGracefully();
        }
        long deadline = System.nanoTime() + startTimeout.toNanos();
        ChildProcesses launcher = new ChildProcesses(directory);
        while (true) {
            ChildProcesses.Launch launch = launcher.launch();
            BrokerReadiness.Result result =
                    BrokerReadiness.await(
                            launch.process(), bootstrapServers(), clusterId, deadline);
            if (result.outcome() == BrokerReadiness.Outcome.READY) {
                process = launch.process();
                LOG.info(
                        "Restarted Kafka broker as pid {} at {}",
                        process.pid(),
                        bootstrapServers());
                return;
            }
            ChildProcesses.destroyTree(launch.process(), STOP_TIMEOUT);
            // The old process's ports can stay busy for a moment, and only the same ports will do.
            boolean retry =
                    result.outcome() == BrokerReadiness.Outcome.EXITED
                            && LogTail.contains(
                                    directory.brokerLog,
                                    launch.logOffset(),
                                    "Address already in use")
                            && System.nanoTime()
                                            + TimeUnit.MILLISECONDS.toNanos(PORT_RETRY_PAUSE_MILLIS)
                                    < deadline;
            if (!retry) {
                String reason =
                        result.outcome() == BrokerReadiness.Outcome.TIMED_OUT
                                ? "the restarted broker was not ready within "
                                        + startTimeout.toSeconds()
                                        + " s (last check: "
                                        + result.detail()
                                        + ")"
                                : "the restarted broker " + describe(result);
                throw launcher.startFailure(reason, launch, null);
            }
            LOG.warn("Ports of the restarted Kafka broker are still in use; retrying");
            pause(PORT_RETRY_PAUSE_MILLIS);
        }
    }

    /** Kills the child JVM and its descendants and deletes the broker's directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (process != null) {
            ChildProcesses.destroyTree(process, STOP_TIMEOUT);
        }
        directory.deleteAll();
        LOG.info("Closed Kafka broker at {} and deleted {}", bootstrapServers(), directory.root);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " is closed");
        }
    }

    private static boolean isPortConflict(
            BrokerDirectory directory,
            ChildProcesses.Launch launch,
            BrokerReadiness.Result result) {
        return result.outcome() == BrokerReadiness.Outcome.FOREIGN_CLUSTER
                || LogTail.contains(
                        directory.brokerLog, launch.logOffset(), "Address already in use");
    }

    private static String describe(BrokerReadiness.Result result) {
        if (result.outcome() == BrokerReadiness.Outcome.FOREIGN_CLUSTER) {
            return "port is served by another Kafka cluster (" + result.detail() + ")";
        }
        return "process exited during start-up (" + result.detail() + ")";
    }

    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException(
                    "Interrupted while restarting the Kafka broker", null, e);
        }
    }
}
