package com.huleedu.commoncore.kafka;

import static com.huleedu.commoncore.kafka.PublisherTestKit.CODEC;
import static com.huleedu.commoncore.kafka.PublisherTestKit.ESSAY_TEXT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.WAIT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** Checks what the publisher and its Kafka producer log: ids and topics, never payload text or secrets. */
@RealKafka
class PublisherLoggingTest {

    private static final String JAAS_PASSWORD = "jaas-Pa55word-7f3a";
    private static final String KEYSTORE_PASSWORD = "keystore-Pa55word-91c2";
    private static final String JAAS_CONFIG = "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"essay-service\" password=\"" + JAAS_PASSWORD + "\";";

    @Test
    void missingTopicFailureLogsIds(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("publisher-missing-topic");
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request(ESSAY_TEXT);
        PublisherSettings settings = PublisherTestKit.settings(broker)
                .kafkaProperty("max.block.ms", 2_000)
                .build();

        ExecutionException failure;
        String logs;
        List<ILoggingEvent> publisherWarnings;
        try (LogCapture capture = LogCapture.atDebug()) {
            try (EventPublisher publisher = EventPublisher.create(settings, CODEC)) {
                failure = catchThrowableOfType(ExecutionException.class, () -> publisher
                        .publishAsync(PublishRequest.of(envelope).toTopic(topic))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            logs = capture.text();
            publisherWarnings = capture.events().stream()
                    .filter(event -> event.getLoggerName().equals(EventPublisher.class.getName()))
                    .filter(event -> event.getLevel() == Level.WARN)
                    .toList();
        }

        assertThat(failure).isNotNull();
        assertThat(failure.getCause()).isInstanceOf(PublishException.class);
        PublishException publishFailure = (PublishException) failure.getCause();
        assertThat(publishFailure.reason()).isEqualTo(FailureReason.PUBLISH_FAILED);
        assertThat(publishFailure.topic()).isEqualTo(topic);
        assertThat(publishFailure.getCause()).isInstanceOf(TimeoutException.class);
        assertThat(publishFailure.getMessage()).doesNotContain(ESSAY_TEXT);
        assertThat(publisherWarnings).hasSize(1);
        String warning = publisherWarnings.get(0).getFormattedMessage();
        assertThat(warning).contains(topic);
        assertThat(warning).contains(envelope.eventId().toString());
        assertThat(warning).contains(envelope.correlationId().toString());
        assertThat(warning).contains(envelope.eventType());
        assertThat(logs).doesNotContain(ESSAY_TEXT);
    }

    @Test
    void rejectionLogsIdsWithoutText(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-rejected-log");
        EventEnvelope<SpellcheckRequestedDataV1> tooLarge = request(ESSAY_TEXT.repeat(200));
        PublisherSettings settings = PublisherTestKit.settings(broker).maxEventBytes(4096).build();

        String logs;
        try (LogCapture capture = LogCapture.atDebug()) {
            try (EventPublisher publisher = EventPublisher.create(settings, CODEC)) {
                catchThrowableOfType(PublishException.class,
                        () -> publisher.publish(PublishRequest.of(tooLarge).toTopic(topic)));
            }
            logs = capture.text();
        }

        assertThat(logs).contains("Rejected event before sending");
        assertThat(logs).contains(tooLarge.eventId().toString());
        assertThat(logs).contains("reason=too_large");
        assertThat(logs).doesNotContain(ESSAY_TEXT);
    }

    @Test
    void secretSettingsNeverLogged(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-secrets");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request(ESSAY_TEXT);
        // Kafka ignores the SASL and SSL settings with PLAINTEXT, so the publisher still reaches the test broker.
        PublisherSettings settings = PublisherTestKit.settings(broker)
                .kafkaProperty("security.protocol", "PLAINTEXT")
                .kafkaProperty("sasl.mechanism", "PLAIN")
                .kafkaProperty("sasl.jaas.config", JAAS_CONFIG)
                .kafkaProperty("ssl.keystore.password", KEYSTORE_PASSWORD)
                .build();

        PublishResult result;
        String logs;
        try (LogCapture capture = LogCapture.atDebug()) {
            try (EventPublisher publisher = EventPublisher.create(settings, CODEC)) {
                result = publisher.publish(PublishRequest.of(envelope).toTopic(topic));
            }
            logs = capture.text();
        }

        assertThat(result.eventId()).isEqualTo(envelope.eventId());
        assertThat(logs).contains("Started event publisher with settings");
        assertThat(logs).contains("sasl.jaas.config=" + KafkaSettings.HIDDEN);
        assertThat(logs).contains("ssl.keystore.password=" + KafkaSettings.HIDDEN);
        assertThat(logs).contains("ProducerConfig values");
        assertThat(logs).doesNotContain(JAAS_PASSWORD);
        assertThat(logs).doesNotContain(KEYSTORE_PASSWORD);
        assertThat(logs).doesNotContain(ESSAY_TEXT);
    }
}
