package com.huleedu.commoncore.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

class BrokerSelectionTest {

    @Test
    void envSetSelectsExternalWithoutDockerCheck() {
        AtomicInteger dockerChecks = new AtomicInteger();
        BooleanSupplier docker =
                () -> {
                    dockerChecks.incrementAndGet();
                    return true;
                };

        BrokerMode mode = BrokerSelection.select("kafka-1.example:9092", docker);

        assertThat(mode).isEqualTo(BrokerMode.EXTERNAL);
        assertThat(dockerChecks.get()).isZero();
    }

    @Test
    void dockerAvailableSelectsTestcontainers() {
        assertThat(BrokerSelection.select(null, () -> true)).isEqualTo(BrokerMode.TESTCONTAINERS);
    }

    @Test
    void noDockerSelectsChildJvm() {
        assertThat(BrokerSelection.select(null, () -> false)).isEqualTo(BrokerMode.CHILD_JVM);
    }

    @Test
    void blankEnvCountsAsUnset() {
        assertThat(BrokerSelection.select("", () -> false)).isEqualTo(BrokerMode.CHILD_JVM);
        assertThat(BrokerSelection.select("  ", () -> true)).isEqualTo(BrokerMode.TESTCONTAINERS);
    }

    @Test
    void requestedChildJvmSkipsDockerCheck() {
        AtomicInteger dockerChecks = new AtomicInteger();

        BrokerMode mode =
                BrokerSelection.select(
                        null,
                        "child-jvm",
                        () -> {
                            dockerChecks.incrementAndGet();
                            return true;
                        });

        assertThat(mode).isEqualTo(BrokerMode.CHILD_JVM);
        assertThat(dockerChecks.get()).isZero();
    }

    @Test
    void externalClusterWinsOverRequestedMode() {
        assertThat(BrokerSelection.select("127.0.0.1:9092", "child-jvm", () -> false))
                .isEqualTo(BrokerMode.EXTERNAL);
    }

    @Test
    void requestedTestcontainersAndBlank() {
        assertThat(BrokerSelection.select(null, "testcontainers", () -> false))
                .isEqualTo(BrokerMode.TESTCONTAINERS);
        assertThat(BrokerSelection.select(null, " ", () -> false)).isEqualTo(BrokerMode.CHILD_JVM);
    }

    @Test
    void unknownRequestedModeIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> BrokerSelection.select(null, "docker", () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_TEST_BROKER")
                .hasMessageContaining("'docker'");
    }

    @Test
    void containerBrokerServesTopics() throws Exception {
        Assumptions.assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "Docker is not available on this machine. The Testcontainers branch runs where"
                        + " Docker exists, for example on GitHub's hosted Linux runners.");

        try (ContainerKafkaBroker broker = ContainerKafkaBroker.start();
                Admin admin = broker.createAdmin()) {
            String topic = UniqueNames.topic("container");

            broker.createTopic(topic, 2);

            assertThat(broker.mode()).isEqualTo(BrokerMode.TESTCONTAINERS);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
            TopicDescription description =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic);
            assertThat(description.partitions()).hasSize(2);
        }
    }
}
