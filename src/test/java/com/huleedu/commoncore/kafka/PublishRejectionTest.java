package com.huleedu.commoncore.kafka;

import static com.huleedu.commoncore.kafka.PublisherTestKit.CODEC;
import static com.huleedu.commoncore.kafka.PublisherTestKit.WAIT;
import static com.huleedu.commoncore.kafka.PublisherTestKit.recordCount;
import static com.huleedu.commoncore.kafka.PublisherTestKit.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.json.EventDecodingException;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import com.huleedu.commoncore.testing.UniqueNames;
import com.huleedu.commoncore.validation.EventValidationException;
import com.huleedu.commoncore.validation.Violation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** Events that the publisher rejects before sending, and a closed publisher. */
@RealKafka
class PublishRejectionTest {

    private static final int MAX_EVENT_BYTES = 4096;

    @Test
    void blankTextRejectedBeforeSend(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("publisher-invalid");
        broker.createTopic(topic, 2);
        PublishRequest invalid = PublishRequest.of(request("   ")).toTopic(topic);

        EventValidationException syncFailure;
        CompletableFuture<PublishResult> asyncResult;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            syncFailure = catchThrowableOfType(EventValidationException.class, () -> publisher.publish(invalid));
            asyncResult = publisher.publishAsync(invalid);
            publisher.flush();
        }

        assertThat(syncFailure).isNotNull();
        assertThat(syncFailure.reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
        assertThat(syncFailure.eventType()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(syncFailure.violations()).extracting(Violation::path).containsExactly("data.text");
        assertThat(syncFailure.violations()).extracting(Violation::constraint).containsExactly("NotBlank");
        assertThat(asyncResult).isCompletedExceptionally();
        ExecutionException asyncFailure = catchThrowableOfType(ExecutionException.class, () -> asyncResult.get(0, TimeUnit.SECONDS));
        assertThat(asyncFailure).hasCauseInstanceOf(EventValidationException.class);
        assertThat(recordCount(admin, topic)).isZero();
    }

    @Test
    void sizeGuardRejectsOneByteOver(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("publisher-too-large");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> overLimit = envelopeOfSize(MAX_EVENT_BYTES + 1);
        assertThat(CODEC.encode(overLimit)).hasSize(MAX_EVENT_BYTES + 1);

        PublishException failure;
        try (EventPublisher publisher = smallLimitPublisher(broker)) {
            assertThat(publisher.settings().maxEventBytes()).isEqualTo(MAX_EVENT_BYTES);
            failure = catchThrowableOfType(PublishException.class,
                    () -> publisher.publish(PublishRequest.of(overLimit).toTopic(topic)));
            publisher.flush();
        }

        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(failure.topic()).isEqualTo(topic);
        assertThat(failure.eventId()).isEqualTo(overLimit.eventId());
        assertThat(failure.getMessage()).contains((MAX_EVENT_BYTES + 1) + " bytes");
        assertThat(failure.getMessage()).contains("limit of " + MAX_EVENT_BYTES + " bytes");
        assertThat(failure.getMessage()).contains("store the text elsewhere and send a reference to it");
        assertThat(failure.getMessage()).doesNotContain(overLimit.data().text());
        assertThat(recordCount(admin, topic)).isZero();
    }

    @Test
    void sizeGuardAcceptsExactLimit(KafkaBroker broker, Admin admin) throws Exception {
        String topic = UniqueNames.topic("publisher-at-limit");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> atLimit = envelopeOfSize(MAX_EVENT_BYTES);
        assertThat(CODEC.encode(atLimit)).hasSize(MAX_EVENT_BYTES);

        PublishResult result;
        try (EventPublisher publisher = smallLimitPublisher(broker)) {
            result = publisher.publish(PublishRequest.of(atLimit).toTopic(topic));
        }

        assertThat(result.eventId()).isEqualTo(atLimit.eventId());
        assertThat(recordCount(admin, topic)).isEqualTo(1);
    }

    @Test
    void unknownEventTypeRejected(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-unknown-type");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> registered = request("En text.");
        EventEnvelope<SpellcheckRequestedDataV1> unknown = new EventEnvelope<>(registered.eventId(),
                "huleedu.essay.unknown.v1", registered.sourceService(), registered.timestamp(),
                registered.correlationId(), registered.data(), registered.metadata());

        PublishException defaultTopicFailure;
        EventDecodingException explicitTopicFailure;
        try (EventPublisher publisher = PublisherTestKit.publisher(broker)) {
            defaultTopicFailure = catchThrowableOfType(PublishException.class, () -> publisher.publish(unknown));
            explicitTopicFailure = catchThrowableOfType(EventDecodingException.class,
                    () -> publisher.publish(PublishRequest.of(unknown).toTopic(topic)));
        }

        assertThat(defaultTopicFailure).isNotNull();
        assertThat(defaultTopicFailure.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
        assertThat(defaultTopicFailure.topic()).isNull();
        assertThat(defaultTopicFailure.eventType()).isEqualTo("huleedu.essay.unknown.v1");
        assertThat(explicitTopicFailure).isNotNull();
        assertThat(explicitTopicFailure.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
    }

    @Test
    void typeWithoutTopicNeedsExplicitTopic(KafkaBroker broker) {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register("huleedu.test.no_topic.v1", SpellcheckRequestedDataV1.class, null);
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventEnvelope<SpellcheckRequestedDataV1> envelope = EventFactory.forService("publisher-test", registry)
                .create(SpellcheckRequestedDataV1.of("En text."));

        CommonCoreException failure;
        try (EventPublisher publisher = EventPublisher.create(PublisherTestKit.settings(broker).build(), codec)) {
            failure = catchThrowableOfType(CommonCoreException.class, () -> publisher.publish(envelope));
        }

        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FailureReason.NO_TOPIC);
        assertThat(failure.getMessage()).contains("publish it to an explicit topic");
    }

    @Test
    void closeFlushesPendingSend(KafkaBroker broker) throws Exception {
        String topic = UniqueNames.topic("publisher-close");
        broker.createTopic(topic, 1);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Skickas före close.");
        EventPublisher publisher = EventPublisher.create(PublisherTestKit.settings(broker)
                .kafkaProperty("linger.ms", 2_000)
                .build(), CODEC);

        CompletableFuture<PublishResult> future = publisher.publishAsync(PublishRequest.of(envelope).toTopic(topic));
        publisher.close();

        assertThat(future).isDone();
        assertThat(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).eventId()).isEqualTo(envelope.eventId());
    }

    @Test
    void closeTwiceThenPublishFails(KafkaBroker broker) {
        String topic = UniqueNames.topic("publisher-closed");
        EventPublisher publisher = PublisherTestKit.publisher(broker);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = request("Efter close.");

        publisher.close();
        publisher.close();
        PublishException syncFailure = catchThrowableOfType(PublishException.class,
                () -> publisher.publish(PublishRequest.of(envelope).toTopic(topic)));
        CompletableFuture<PublishResult> asyncResult = publisher.publishAsync(PublishRequest.of(envelope).toTopic(topic));

        assertThat(syncFailure).isNotNull();
        assertThat(syncFailure.reason()).isEqualTo(FailureReason.PUBLISH_FAILED);
        assertThat(syncFailure.getMessage()).contains("the publisher is closed");
        assertThat(syncFailure.eventId()).isEqualTo(envelope.eventId());
        assertThat(asyncResult).isCompletedExceptionally();
    }

    private static EventPublisher smallLimitPublisher(KafkaBroker broker) {
        return EventPublisher.create(PublisherTestKit.settings(broker).maxEventBytes(MAX_EVENT_BYTES).build(), CODEC);
    }

    /** Builds a valid request whose encoded size is exactly {@code bytes}, using ASCII text of one byte a character. */
    private static EventEnvelope<SpellcheckRequestedDataV1> envelopeOfSize(int bytes) {
        EventEnvelope<SpellcheckRequestedDataV1> probe = request("x");
        int overhead = CODEC.encode(probe).length - 1;
        String text = "a".repeat(bytes - overhead);
        EventEnvelope<SpellcheckRequestedDataV1> envelope = new EventEnvelope<>(probe.eventId(), probe.eventType(),
                probe.sourceService(), probe.timestamp(), probe.correlationId(),
                SpellcheckRequestedDataV1.of(text, probe.data().language()), probe.metadata());
        return envelope;
    }
}
