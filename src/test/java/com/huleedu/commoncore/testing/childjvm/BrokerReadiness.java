package com.huleedu.commoncore.testing.childjvm;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness check of a freshly launched child-JVM broker. Stateless.
 *
 * <p>Ready means: the child process is alive, the broker at the address reports the cluster id that
 * was just formatted (so a stale broker on a reused port cannot pass), the node is registered and
 * unfenced, and every partition of every existing topic has a leader (which matters after a
 * restart).
 */
final class BrokerReadiness {

    private static final long POLL_INTERVAL_MILLIS = 100;
    private static final int CALL_TIMEOUT_MILLIS = 2000;

    private BrokerReadiness() {}

    /** Result of one wait. */
    record Result(Outcome outcome, String detail) {}

    /** How a wait ended. */
    enum Outcome {
        READY,
        /** The child process exited; {@code detail} has its exit status. */
        EXITED,
        /** A broker of another cluster listens on the port. {@code detail} has its cluster id. */
        FOREIGN_CLUSTER,
        /** The deadline passed; {@code detail} has the last error seen. */
        TIMED_OUT
    }

    static Result await(Process process, String bootstrapServers, String clusterId, long deadline) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            String lastError = "no answer from the broker yet";
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return new Result(Outcome.EXITED, "exit status " + process.exitValue());
                }
                try {
                    Result result = check(admin, clusterId);
                    if (result != null) {
                        return result;
                    }
                    lastError =
                            "node "
                                    + BrokerDirectory.NODE_ID
                                    + " not registered or partitions without leader";
                } catch (ExecutionException | TimeoutException e) {
                    lastError = e.getCause() != null ? e.getCause().toString() : e.toString();
                }
                sleep(POLL_INTERVAL_MILLIS);
            }
            return new Result(Outcome.TIMED_OUT, lastError);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.TIMED_OUT, "interrupted while waiting for the broker");
        }
    }

    /** Returns a final result, or {@code null} if the broker is up but not ready yet. */
    private static Result check(Admin admin, String clusterId)
            throws ExecutionException, TimeoutException, InterruptedException {
        DescribeClusterResult cluster =
                admin.describeCluster(new DescribeClusterOptions().timeoutMs(CALL_TIMEOUT_MILLIS));
        String actualId = cluster.clusterId().get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (!clusterId.equals(actualId)) {
            return new Result(Outcome.FOREIGN_CLUSTER, "cluster id " + actualId);
        }
        Collection<Node> nodes = cluster.nodes().get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        boolean registered = nodes.stream().anyMatch(node -> node.id() == BrokerDirectory.NODE_ID);
        if (!registered || !allPartitionsLed(admin)) {
            return null;
        }
        return new Result(Outcome.READY, "cluster id " + actualId);
    }

    private static boolean allPartitionsLed(Admin admin)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> topics =
                admin.listTopics(
                                new ListTopicsOptions()
                                        .listInternal(true)
                                        .timeoutMs(CALL_TIMEOUT_MILLIS))
                        .names()
                        .get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (topics.isEmpty()) {
            return true;
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics)
                        .allTopicNames()
                        .get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        for (TopicDescription description : descriptions.values()) {
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        return Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "commoncore-harness-readiness",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                CALL_TIMEOUT_MILLIS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                CALL_TIMEOUT_MILLIS,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG,
                50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                500);
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
