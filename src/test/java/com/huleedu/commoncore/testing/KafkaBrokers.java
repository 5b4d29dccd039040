package com.huleedu.commoncore.testing;

import com.huleedu.commoncore.testing.childjvm.ChildJvmKafkaBroker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.util.concurrent.TimeUnit;

/**
 * Holder of the one Kafka broker that all tests in a JVM share.
 *
 * <p>Thread-safe. The broker is selected and started on the first call of {@link #shared()} and
 * closed by a shutdown hook when the JVM exits. A failed start is remembered, so later tests fail
 * at once with the same cause instead of waiting for another time-out.
 */
public final class KafkaBrokers {

    /** Environment variable that names an existing cluster to use. */
    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /** Environment variable that requests a local broker mode: child-jvm or testcontainers. */
    public static final String REQUESTED_MODE_ENV = "KAFKA_TEST_BROKER";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokers.class);

    private static KafkaBroker shared;
    private static RuntimeException startFailure;

    private KafkaBrokers() {}

    /**
     * Returns the shared broker, selecting and starting it on the first call.
     *
     * @return the shared broker, which tests must not close
     * @throws BrokerStartException if the broker failed to start, now or on an earlier call
     */
    public static synchronized KafkaBroker shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            throw new BrokerStartException(
                    "The shared Kafka broker failed to start earlier in this JVM: "
                            + startFailure.getMessage(),
                    null,
                    startFailure);
        }
        String bootstrapServers = System.getenv(BOOTSTRAP_SERVERS_ENV);
        BrokerMode mode =
                BrokerSelection.select(
                        bootstrapServers,
                        System.getenv(REQUESTED_MODE_ENV),
                        KafkaBrokers::isDockerAvailable);
        long startNanos = System.nanoTime();
        try {
            shared = start(mode, bootstrapServers);
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
        LOG.info(
                "Kafka test broker ready: mode {}, bootstrap.servers {}, start-up took {} ms",
                mode,
                shared.bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        registerShutdownHook((AutoCloseable) shared);
        return shared;
    }

    private static KafkaBroker start(BrokerMode mode, String bootstrapServers) {
        switch (mode) {
            case EXTERNAL:
                return new ExternalKafkaBroker(bootstrapServers);
            case TESTCONTAINERS:
                return ContainerKafkaBroker.start();
            case CHILD_JVM:
                return ChildJvmKafkaBroker.start();
            default:
                throw new IllegalStateException("Unknown broker mode " + mode);
        }
    }

    private static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            // Testcontainers missing from a service's test classpath, or a broken Docker setup.
            LOG.debug("Docker check failed, treating Docker as unavailable", e);
            return false;
        }
    }

    private static void registerShutdownHook(AutoCloseable broker) {
        Thread hook =
                new Thread(
                        () -> {
                            try {
                                broker.close();
                            } catch (Exception e) {
                                LOG.warn(
                                        "Failed to close the shared Kafka test broker: {}",
                                        e.toString());
                            }
                        },
                        "kafka-test-broker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }
}
