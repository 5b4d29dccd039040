package com.huleedu.commoncore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Uses the shared broker's address as if it were an external cluster. */
@RealKafka
class ExternalKafkaBrokerTest {

    @Test
    void closeDeletesOnlyCreatedTopics(KafkaBroker shared, Admin admin) throws Exception {
        String foreignTopic = UniqueNames.topic("foreign");
        String ownTopic = UniqueNames.topic("own");
        KafkaTopics.create(admin, foreignTopic, 1, KafkaBroker.DEFAULT_TIMEOUT);

        ExternalKafkaBroker external = new ExternalKafkaBroker(shared.bootstrapServers());
        external.createTopic(ownTopic, 2);
        assertThat(external.createdTopics()).containsExactly(ownTopic);
        external.close();

        Set<String> remaining = awaitTopicGone(admin, ownTopic);
        assertThat(remaining).doesNotContain(ownTopic);
        assertThat(remaining).contains(foreignTopic);
        assertThat(external.createdTopics()).isEmpty();
    }

    @Test
    void faultControlIsUnsupported(KafkaBroker shared) {
        ExternalKafkaBroker external = new ExternalKafkaBroker(shared.bootstrapServers());

        assertThat(external.mode()).isEqualTo(BrokerMode.EXTERNAL);
        assertThat(external.supportsFaultControl()).isFalse();
        assertThatThrownBy(external::kill)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("only the child-JVM broker supports fault control");
        assertThatThrownBy(external::stopGracefully)
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(external::restart).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(external::assumeFaultControl)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Fault control needs the child-JVM broker");
    }

    @Test
    void blankBootstrapServersRejected() {
        assertThatThrownBy(() -> new ExternalKafkaBroker(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrapServers");
    }

    /** Topic deletion completes asynchronously on the broker; wait a bounded time for it. */
    private static Set<String> awaitTopicGone(Admin admin, String topic) throws Exception {
        Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        for (int attempt = 0; attempt < 100 && names.contains(topic); attempt++) {
            Thread.sleep(100);
            names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        return names;
    }
}
