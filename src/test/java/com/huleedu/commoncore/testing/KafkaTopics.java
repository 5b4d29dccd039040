package com.huleedu.commoncore.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Topic helpers for tests: create a topic and wait until producers and consumers can use it.
 *
 * <p>Stateless and thread-safe. The {@link Admin} passed in stays owned by the caller.
 */
public final class KafkaTopics {

    private static final long POLL_INTERVAL_MILLIS = 100;

    private KafkaTopics() {}

    /**
     * Creates a topic with the broker's default replication factor and waits until every partition
     * has a leader.
     *
     * @param admin Admin client of the target broker
     * @param topic name of a topic that does not exist yet
     * @param partitions number of partitions, at least 1
     * @param timeout bound for creation and the wait together
     * @throws IllegalArgumentException if {@code partitions} is less than 1
     * @throws IllegalStateException if creation fails or the topic is not usable in time
     */
    public static void create(Admin admin, String topic, int partitions, Duration timeout) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
        try {
            admin.createTopics(List.of(newTopic))
                    .all()
                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Failed to create topic '"
                            + topic
                            + "' with "
                            + partitions
                            + " partitions: "
                            + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic '" + topic + "'", e);
        }
        awaitLeaders(admin, topic, partitions, deadline, timeout);
        awaitServing(admin, topic, partitions, deadline, timeout);
    }

    /**
     * Waits until the leader of every partition responds to a {@code ListOffsets} request.
     *
     * <p>The controller names a leader before the broker has taken the partition over. A produce
     * request in between fails with {@code NOT_LEADER_OR_FOLLOWER}, and an idempotent producer that
     * met that error on a brand-new topic was seen to keep failing with {@code
     * OUT_OF_ORDER_SEQUENCE_NUMBER} until its delivery timeout. {@code ListOffsets} is handled by
     * the leader's own replica manager, so it succeeds only once produce requests can, and it
     * writes nothing, so the topic still starts at offset 0.
     */
    private static void awaitServing(
            Admin admin, String topic, int partitions, long deadline, Duration timeout) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        pollUntil(
                topic,
                deadline,
                () -> {
                    admin.listOffsets(request)
                            .all()
                            .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                    return null;
                },
                lastState ->
                        "The leaders of topic '"
                                + topic
                                + "' did not answer ListOffsets within "
                                + timeout.toSeconds()
                                + " s; last error: "
                                + lastState);
    }

    /**
     * Waits until the topic exists with {@code partitions} partitions that all have a leader that
     * serves requests.
     *
     * @param admin Admin client of the target broker
     * @param topic topic name
     * @param partitions expected number of partitions
     * @param timeout bound for the wait
     * @throws IllegalStateException if the topic is not usable in time
     */
    public static void awaitUsable(Admin admin, String topic, int partitions, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        awaitLeaders(admin, topic, partitions, deadline, timeout);
        awaitServing(admin, topic, partitions, deadline, timeout);
    }

    private static void awaitLeaders(
            Admin admin, String topic, int partitions, long deadline, Duration timeout) {
        pollUntil(
                topic,
                deadline,
                () -> {
                    TopicDescription description =
                            admin.describeTopics(List.of(topic))
                                    .allTopicNames()
                                    .get(remainingMillis(deadline), TimeUnit.MILLISECONDS)
                                    .get(topic);
                    return hasAllLeaders(description, partitions) ? null : description.toString();
                },
                lastState ->
                        "Topic '"
                                + topic
                                + "' did not get a leader for all "
                                + partitions
                                + " partitions within "
                                + timeout.toSeconds()
                                + " s; last state: "
                                + lastState);
    }

    /** One check of a wait: {@code null} when the condition holds, else the state seen. */
    @FunctionalInterface
    private interface Check {
        String run() throws ExecutionException, TimeoutException, InterruptedException;
    }

    /**
     * Repeats {@code check} every {@value #POLL_INTERVAL_MILLIS} ms until it returns {@code null}
     * or the deadline passes, then fails with the message built from the last state or error.
     */
    private static void pollUntil(
            String topic, long deadline, Check check, Function<String, String> timeoutMessage) {
        String lastState = "no answer yet";
        while (System.nanoTime() < deadline) {
            try {
                String state = check.run();
                if (state == null) {
                    return;
                }
                lastState = state;
            } catch (ExecutionException | TimeoutException e) {
                lastState = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "Interrupted while waiting for topic '" + topic + "'", e);
            }
            sleep(POLL_INTERVAL_MILLIS);
        }
        throw new IllegalStateException(timeoutMessage.apply(lastState));
    }

    private static boolean hasAllLeaders(TopicDescription description, int partitions) {
        List<TopicPartitionInfo> infos = description.partitions();
        if (infos.size() != partitions) {
            return false;
        }
        for (TopicPartitionInfo info : infos) {
            if (info.leader() == null || info.leader().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a topic", e);
        }
    }
}
