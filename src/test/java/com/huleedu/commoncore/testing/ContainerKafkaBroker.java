package com.huleedu.commoncore.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Kafka broker in a Testcontainers {@code apache/kafka} container, used when Docker is available.
 *
 * <p>Thread-safe. {@link #close()} stops and removes the container. Fault control is not supported,
 * and topic auto-creation is disabled as in the child-JVM broker.
 */
public final class ContainerKafkaBroker implements KafkaBroker, AutoCloseable {

    /** Image that the container runs. */
    public static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:4.1.0");

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    /**
     * Starts a container and waits until Kafka in it is ready (Testcontainers' own wait).
     *
     * @return the running broker, which the caller must close
     * @throws BrokerStartException if the container fails to start
     */
    public static ContainerKafkaBroker start() {
        KafkaContainer container =
                new KafkaContainer(IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new BrokerStartException(
                    "Failed to start the Kafka container "
                            + IMAGE
                            + ": "
                            + e
                            + ". Check that Docker can pull the image and that the container logs"
                            + " show no error; to use an existing cluster instead, set"
                            + " KAFKA_BOOTSTRAP_SERVERS.",
                    null,
                    e);
        }
        return new ContainerKafkaBroker(container);
    }

    @Override
    public BrokerMode mode() {
        return BrokerMode.TESTCONTAINERS;
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public boolean supportsFaultControl() {
        return false;
    }

    @Override
    public void stopGracefully() {
        throw unsupported("stopGracefully");
    }

    @Override
    public void kill() {
        throw unsupported("kill");
    }

    @Override
    public void restart() {
        throw unsupported("restart");
    }

    /** Stops and removes the container. Idempotent. */
    @Override
    public void close() {
        container.stop();
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(
                operation
                        + " is not supported for the Testcontainers broker: only the child-JVM"
                        + " broker, used when Docker is not available, supports fault control. Call"
                        + " assumeFaultControl() to skip.");
    }
}
