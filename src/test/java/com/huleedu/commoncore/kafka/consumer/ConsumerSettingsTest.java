package com.huleedu.commoncore.kafka.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ConsumerSettingsTest {

    private static final String BOOTSTRAP = "127.0.0.1:9";

    @Test
    void defaultsAndFixedProperties() {
        ConsumerSettings settings = ConsumerSettings.builder(BOOTSTRAP, "group-a", "topic-a")
                .consumerProperty("enable.auto.commit", "false")
                .consumerProperty("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer")
                .consumerProperty("max.poll.records", 50)
                .build();

        Map<String, Object> kafka = settings.consumerProperties();
        assertThat(kafka).containsEntry("enable.auto.commit", false);
        assertThat(kafka).containsEntry("group.id", "group-a");
        assertThat(kafka).containsEntry("auto.offset.reset", "earliest");
        assertThat(kafka).containsEntry("max.poll.records", 50);
        assertThat(kafka).containsEntry("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        assertThat(settings.deadLetterTopic("topic-a")).isEqualTo("topic-a.DLQ");
        assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(settings.commitInterval()).isEqualTo(Duration.ZERO);
        assertThat(settings.deadLetterProducerProperties()).containsEntry("acks", "all").containsEntry("enable.idempotence", true);
    }

    @Test
    void clientPropertyReachesBothClients() {
        ConsumerSettings settings = ConsumerSettings.builder(BOOTSTRAP, "group-a", "topic-a")
                .clientProperty("security.protocol", "PLAINTEXT")
                .deadLetterProducerProperty("linger.ms", 2)
                .deadLetterSuffix(".dead")
                .build();

        assertThat(settings.consumerProperties()).containsEntry("security.protocol", "PLAINTEXT");
        assertThat(settings.deadLetterProducerProperties()).containsEntry("security.protocol", "PLAINTEXT").containsEntry("linger.ms", 2);
        assertThat(settings.consumerProperties()).doesNotContainKey("linger.ms");
        assertThat(settings.deadLetterTopic("t")).isEqualTo("t.dead");
    }

    @Test
    void autoCommitIsRejected() {
        assertThatThrownBy(() -> ConsumerSettings.builder(BOOTSTRAP, "g", "t").consumerProperty("enable.auto.commit", true).build())
                .isInstanceOfSatisfying(CommonCoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("enable.auto.commit");
                });
    }

    @Test
    void blankArgumentsAreRejected() {
        assertThatThrownBy(() -> ConsumerSettings.builder(" ", "g", "t"))
                .isInstanceOfSatisfying(CommonCoreException.class, e -> assertThat(e.getMessage()).contains("bootstrapServers"));
        assertThatThrownBy(() -> ConsumerSettings.builder(BOOTSTRAP, "", "t"))
                .isInstanceOfSatisfying(CommonCoreException.class, e -> assertThat(e.getMessage()).contains("groupId"));
        assertThatThrownBy(() -> ConsumerSettings.builder(BOOTSTRAP, "g"))
                .isInstanceOfSatisfying(CommonCoreException.class, e -> assertThat(e.getMessage()).contains("at least one topic"));
        assertThatThrownBy(() -> ConsumerSettings.builder(BOOTSTRAP, "g", "t").pollTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollTimeout");
    }

    @Test
    void nonRetryableMatchesSubtypes() {
        ConsumerSettings settings = ConsumerSettings.builder(BOOTSTRAP, "g", "t").nonRetryable(IllegalArgumentException.class).build();

        assertThat(settings.isNonRetryable(new NumberFormatException("x"))).isTrue();
        assertThat(settings.isNonRetryable(new NonRetryableException("x"))).isTrue();
        assertThat(settings.isNonRetryable(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void invalidKafkaValueFailsOnBuild() {
        ConsumerSettings settings = ConsumerSettings.builder(BOOTSTRAP, "g", "t").consumerProperty("auto.offset.reset", "sideways").build();

        assertThatThrownBy(() -> EventConsumer.builder(settings, EventCodec.withDefaults())
                .handle(SpellcheckRequestedDataV1.class, (event, context) -> { })
                .build())
                .isInstanceOfSatisfying(CommonCoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONFIGURATION);
                    assertThat(e.getMessage()).contains("auto.offset.reset");
                    assertThat(e.getCause()).isInstanceOf(ConfigException.class);
                });
    }

    @Test
    void consumerWithoutHandlersIsRejected() {
        ConsumerSettings settings = ConsumerSettings.builder(BOOTSTRAP, "g", "t").build();

        assertThatThrownBy(() -> EventConsumer.builder(settings, EventCodec.withDefaults()).build())
                .isInstanceOfSatisfying(CommonCoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.INVALID_CONFIGURATION));
    }

    @Test
    void retryPolicyBacksOffExponentially() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), 3.0, Duration.ofSeconds(1));

        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMillis(900));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoffAfter(60)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retryPolicyRejectsBadValues() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 2, Duration.ZERO)).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofMillis(-1), 2, Duration.ZERO)).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, 0.5, Duration.ZERO)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ZERO, Double.NaN, Duration.ZERO)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), 2, Duration.ofSeconds(1))).hasMessageContaining("maxBackoff");
    }

    @Test
    void offsetTrackerCommitsNextOffset() {
        OffsetTracker tracker = new OffsetTracker();
        TopicPartition p0 = new TopicPartition("t", 0);
        TopicPartition p1 = new TopicPartition("t", 1);

        tracker.markDone(p0, 4);
        tracker.markDone(p0, 5);
        tracker.markDone(p1, 9);
        Map<TopicPartition, OffsetAndMetadata> first = tracker.toCommit();
        tracker.markDone(p0, 6);
        tracker.committed(first);

        assertThat(first).containsEntry(p0, new OffsetAndMetadata(6)).containsEntry(p1, new OffsetAndMetadata(10));
        assertThat(tracker.toCommit()).containsOnlyKeys(p0).containsEntry(p0, new OffsetAndMetadata(7));
        tracker.forget(java.util.List.of(p0));
        assertThat(tracker.hasPending()).isFalse();
    }
}
