package com.huleedu.commoncore.testing;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Existing Kafka cluster given by {@code bootstrap.servers}, as selected by the environment
 * variable {@code KAFKA_BOOTSTRAP_SERVERS}.
 *
 * <p>Thread-safe. {@link #close()} deletes only the topics created through {@link
 * #createTopic(String, int)} on this instance, never other topics. Fault control is not supported.
 * The cluster's own {@code auto.create.topics.enable} applies, which the harness cannot change.
 */
public final class ExternalKafkaBroker implements KafkaBroker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalKafkaBroker.class);
    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final List<String> createdTopics = new ArrayList<>();

    /**
     * Creates a handle to the cluster. No connection is made until a client is used.
     *
     * @param bootstrapServers comma-separated {@code host:port} list, not blank
     */
    public ExternalKafkaBroker(String bootstrapServers) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank");
        }
        this.bootstrapServers = bootstrapServers.trim();
    }

    @Override
    public BrokerMode mode() {
        return BrokerMode.EXTERNAL;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topic like {@link KafkaBroker#createTopic} and records it for deletion. */
    @Override
    public void createTopic(String topic, int partitions) {
        KafkaBroker.super.createTopic(topic, partitions);
        synchronized (createdTopics) {
            createdTopics.add(topic);
        }
    }

    /**
     * Returns the topics that this instance created and has not deleted yet.
     *
     * @return a copy of the list, in creation order
     */
    public List<String> createdTopics() {
        synchronized (createdTopics) {
            return List.copyOf(createdTopics);
        }
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

    /**
     * Deletes the topics created through this instance, bounded by 30 s. Failures are logged, not
     * thrown, because this runs at JVM exit. Idempotent.
     */
    @Override
    public void close() {
        List<String> topics;
        synchronized (createdTopics) {
            topics = List.copyOf(createdTopics);
            createdTopics.clear();
        }
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = createAdmin()) {
            admin.deleteTopics(topics).all().get(DELETE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Deleted {} test topics from {}", topics.size(), bootstrapServers);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "Failed to delete test topics {} from {}: {}",
                    topics,
                    bootstrapServers,
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while deleting test topics {} from {}", topics, bootstrapServers);
        }
    }

    private UnsupportedOperationException unsupported(String operation) {
        return new UnsupportedOperationException(
                operation
                        + " is not supported for the external cluster at "
                        + bootstrapServers
                        + ": only the child-JVM broker supports fault control. Unset"
                        + " KAFKA_BOOTSTRAP_SERVERS and run on a machine without Docker, or call"
                        + " assumeFaultControl() to skip.");
    }
}
