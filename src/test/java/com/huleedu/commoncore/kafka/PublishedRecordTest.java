package com.huleedu.commoncore.kafka;

import static com.huleedu.commoncore.kafka.PublisherTestKit.CODEC;
import static com.huleedu.commoncore.kafka.PublisherTestKit.WAIT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.header;
import static com.huleedu.commoncore.kafka.PublisherTestKit.readRecord;
import static com.huleedu.commoncore.kafka.PublisherTestKit.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.KafkaTopics;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Checks the Kafka record that the publisher writes: topic, key, headers and value. */
@RealKafka
class PublishedRecordTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void recordCarriesContractHeaders(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-headers");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Hej världen, en text med åäö 😀");

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(PublishRequest.of(envelope).toTopic(topic));
        }

        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, result.partition(), result.offset());
        String correlationId = envelope.correlationId().toString();
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo(correlationId);
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.eventId().toString());
        assertThat(header(record, EventHeaders.SCHEMA_VERSION)).isEqualTo("1.0.0");
        assertThat(header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(header(record, EventHeaders.SOURCE_SERVICE)).isEqualTo("publisher-test");
        assertThat(header(record, EventHeaders.TRACE_ID)).isEqualTo(correlationId);
        assertThat(record.headers().lastHeader(EventHeaders.TRACEPARENT)).isNull();
        assertThat(headerNames(record)).containsExactly("event_type", "correlation_id", "event_id",
                "schema_version", "content_type", "source_service", "trace_id");
    }

    @Test
    void keyDefaultsToCorrelationId(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-key");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("En kort text.");

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(PublishRequest.of(envelope).toTopic(topic));
        }

        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, result.partition(), result.offset());
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(envelope.correlationId().toString());
    }

    @Test
    void explicitKeyAndTraceparent(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-explicit-key");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("En kort text.");
        PublishRequest publishRequest = PublishRequest.of(envelope).toTopic(topic)
                .withKey("essay-42-å").withTraceparent(TRACEPARENT);

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(publishRequest);
        }

        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, result.partition(), result.offset());
        assertThat(record.key()).isEqualTo("essay-42-å".getBytes(StandardCharsets.UTF_8));
        assertThat(record.headers().lastHeader(EventHeaders.TRACEPARENT).value())
                .isEqualTo(TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        assertThat(header(record, EventHeaders.TRACE_ID)).isEqualTo(envelope.correlationId().toString());
        assertThat(header(record, EventHeaders.CORRELATION_ID)).isEqualTo(envelope.correlationId().toString());
    }

    @Test
    void valueDecodesToEqualEnvelope(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-value");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Hej världen, en text med åäö 😀");

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(PublishRequest.of(envelope).toTopic(topic));
        }

        ConsumerRecord<byte[], byte[]> record = readRecord(broker, topic, result.partition(), result.offset());
        assertThat(record.value()).isEqualTo(CODEC.encode(envelope));
        assertThat(CODEC.decode(record.value(), SpellcheckRequestedDataV1.class)).isEqualTo(envelope);
        assertThat(result.topic()).isEqualTo(topic);
        assertThat(result.eventId()).isEqualTo(envelope.eventId());
    }

    @Test
    void defaultTopicFromRegistry(KafkaBroker broker, Admin admin) throws Exception {
        String defaultTopic = ProcessingEvent.ESSAY_SPELLCHECK_REQUESTED.topic();
        assertThat(defaultTopic).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        createUnlessPresent(admin, defaultTopic);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("En text till standardämnet.");

        PublishResult result;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            result = publisher.publish(envelope);
        }

        assertThat(result.topic()).isEqualTo(defaultTopic);
        ConsumerRecord<byte[], byte[]> record = readRecord(broker, defaultTopic, result.partition(), result.offset());
        assertThat(header(record, EventHeaders.EVENT_ID)).isEqualTo(envelope.eventId().toString());
        assertThat(CODEC.decode(record.value())).isEqualTo(envelope);
    }

    /** Creates a topic that other tests in the same JVM may have created already. */
    private static void createUnlessPresent(Admin admin, String topic) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).get(topic).partitions().size();
        KafkaTopics.awaitUsable(admin, topic, partitions, WAIT);
    }

    private static List<String> headerNames(ConsumerRecord<byte[], byte[]> record) {
        List<String> names = new ArrayList<>();
        for (Header header : record.headers()) {
            names.add(header.key());
        }
        return names;
    }
}
