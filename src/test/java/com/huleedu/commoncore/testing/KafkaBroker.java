package com.huleedu.commoncore.testing;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Real Kafka broker or cluster that tests connect to, whatever the {@link BrokerMode}.
 *
 * <p>Implementations are thread-safe. Tests get the shared instance from {@link
 * KafkaBrokers#shared()} or by parameter injection through {@link KafkaBrokerExtension}, and must
 * not stop it for good: the harness closes it when the JVM exits. The fault-control methods work
 * only in {@link BrokerMode#CHILD_JVM} and affect every test that uses the shared broker at that
 * moment.
 */
public interface KafkaBroker {

    /** Default bound for topic creation and for the client calls of the helpers. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Returns the mode this broker runs in.
     *
     * @return the mode
     */
    BrokerMode mode();

    /**
     * Returns the {@code bootstrap.servers} value for clients.
     *
     * @return comma-separated {@code host:port} list
     */
    String bootstrapServers();

    /**
     * Returns a new mutable map with {@code bootstrap.servers} set, for building client configs.
     *
     * @return a map the caller may change
     */
    default Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * Creates an Admin client for this broker. The caller owns it and must close it.
     *
     * @return a new Admin client
     */
    default Admin createAdmin() {
        return Admin.create(clientProperties());
    }

    /**
     * Creates a topic with the given number of partitions and waits until every partition has a
     * leader, bounded by {@link #DEFAULT_TIMEOUT}.
     *
     * @param topic topic name, for example from {@link UniqueNames#topic(String)}
     * @param partitions number of partitions, at least 1
     * @throws IllegalStateException if creation fails or the topic is not usable in time
     */
    default void createTopic(String topic, int partitions) {
        try (Admin admin = createAdmin()) {
            KafkaTopics.create(admin, topic, partitions, DEFAULT_TIMEOUT);
        }
    }

    /**
     * Returns whether {@link #stopGracefully()}, {@link #kill()} and {@link #restart()} work in
     * this mode.
     *
     * @return {@code true} only for {@link BrokerMode#CHILD_JVM}
     */
    boolean supportsFaultControl();

    /**
     * Skips the calling test, through a JUnit assumption, unless this broker supports fault
     * control.
     */
    default void assumeFaultControl() {
        Assumptions.assumeTrue(
                supportsFaultControl(),
                () ->
                        "Fault control needs the child-JVM broker, but this run uses "
                                + mode()
                                + " at "
                                + bootstrapServers()
                                + ". Run without KAFKA_BOOTSTRAP_SERVERS on a machine without"
                                + " Docker.");
    }

    /**
     * Stops the broker with SIGTERM and waits until its process has exited. Data and committed
     * offsets stay on disk for {@link #restart()}.
     *
     * @throws UnsupportedOperationException if {@link #supportsFaultControl()} is false
     * @throws IllegalStateException if the broker does not exit in time (it is then killed)
     */
    void stopGracefully();

    /**
     * Kills the broker process with SIGKILL and waits until it has exited. Records that the broker
     * acknowledged stay on disk for {@link #restart()}.
     *
     * @throws UnsupportedOperationException if {@link #supportsFaultControl()} is false
     */
    void kill();

    /**
     * Starts the broker again on the same log directory and ports, and waits until it is ready. A
     * running broker is first stopped with {@link #stopGracefully()}.
     *
     * @throws UnsupportedOperationException if {@link #supportsFaultControl()} is false
     * @throws BrokerStartException if the broker does not become ready in time
     */
    void restart();
}
