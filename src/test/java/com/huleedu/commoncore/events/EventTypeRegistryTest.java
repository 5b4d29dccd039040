package com.huleedu.commoncore.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.events.processing.EssayStatusUpdatedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckPhaseCompletedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.validation.EventValidationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeRegistryTest {

    private static final String GRADED = "acme.essay.graded.v1";
    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793Z");

    /** A payload that a service defines for itself, outside common-core. */
    record EssayGradedV1(@NotBlank String essayId, @Min(0) @Max(100) int score, String gradedBy) {
    }

    @Test
    void defaultsHoldCommonCoreEvents() {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();

        assertThat(registry.all()).<Object>extracting(EventType::payloadClass).containsExactlyInAnyOrder(
                SpellcheckRequestedDataV1.class, SpellcheckResultDataV1.class,
                SpellcheckPhaseCompletedV1.class, EssayStatusUpdatedV1.class);
        assertThat(registry.forPayload(SpellcheckRequestedDataV1.class).name()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(registry.forPayload(SpellcheckRequestedDataV1.class).topic()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(registry.forPayload(EssayStatusUpdatedV1.class).name()).isEqualTo(EventTypeRegistry.ESSAY_STATUS_UPDATED);
    }

    @Test
    void catalogEventUsesTopicAsName() {
        EventType<SpellcheckPhaseCompletedV1> type = EventTypeRegistry.catalogEvent(
                ProcessingEvent.SPELLCHECK_PHASE_COMPLETED, SpellcheckPhaseCompletedV1.class);

        assertThat(type.name()).isEqualTo(ProcessingEvent.SPELLCHECK_PHASE_COMPLETED.topic());
        assertThat(type.topic()).isEqualTo(ProcessingEvent.SPELLCHECK_PHASE_COMPLETED.topic());
    }

    @Test
    void defaultsAreIndependentCopies() {
        EventTypeRegistry first = EventTypeRegistry.withDefaults();
        EventTypeRegistry second = EventTypeRegistry.withDefaults();

        first.register(GRADED, EssayGradedV1.class, null);

        assertThat(first.find(GRADED)).isPresent();
        assertThat(second.find(GRADED)).isEmpty();
    }

    @Test
    void duplicateNameIsRejected() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register(GRADED, EssayGradedV1.class, null);

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.register(GRADED, SpellcheckRequestedDataV1.class, null));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(e.getMessage()).contains(GRADED).contains(EssayGradedV1.class.getName());
        assertThat(registry.find(GRADED).orElseThrow().payloadClass()).isEqualTo(EssayGradedV1.class);
    }

    @Test
    void rejectedDuplicateLeavesPayloadUnregistered() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register(GRADED, EssayGradedV1.class, null);

        catchThrowableOfType(CommonCoreException.class, () -> registry.register(GRADED, SpellcheckRequestedDataV1.class, null));
        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.forPayload(SpellcheckRequestedDataV1.class));

        assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "graded", "acme.essay.graded", "acme.essay.graded.v0", "acme.essay.graded.V1",
        "Acme.essay.graded.v1", "acme..graded.v1", ".acme.graded.v1", "acme.essay graded.v1", "acme.essay.graded.v1 ",
        "acme-essay.graded.v1", "acme.essay.graded.v01", "acme.essay.gradé.v1"})
    void malformedNameIsRejected(String name) {
        EventTypeRegistry registry = new EventTypeRegistry();

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.register(name, EssayGradedV1.class, null));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(e.getMessage()).contains("is malformed");
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void nameOverMaxLengthIsRejected() {
        String longest = "a".repeat(197) + ".v1";
        String tooLong = "a".repeat(198) + ".v1";
        EventTypeRegistry registry = new EventTypeRegistry();

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.register(tooLong, EssayGradedV1.class, null));
        EventType<EssayGradedV1> accepted = registry.register(longest, EssayGradedV1.class, null);

        assertThat(tooLong).hasSize(201);
        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(accepted.name()).hasSize(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a.v1", "acme.essay.graded.v1", "acme_svc.essay_graded.v12", "a1.b2.v3"})
    void wellFormedNameIsAccepted(String name) {
        EventTypeRegistry registry = new EventTypeRegistry();

        EventType<EssayGradedV1> type = registry.register(name, EssayGradedV1.class, null);

        assertThat(registry.find(name)).contains(type);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "has space", "a/b", "topic:1", "tøpic", "t\nopic"})
    void malformedTopicIsRejected(String topic) {
        EventTypeRegistry registry = new EventTypeRegistry();

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.register(GRADED, EssayGradedV1.class, topic));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(e.getMessage()).contains("not a legal Kafka topic name");
        assertThat(registry.find(GRADED)).isEmpty();
    }

    @Test
    void topicOverMaxLengthIsRejected() {
        EventTypeRegistry registry = new EventTypeRegistry();

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class,
                () -> registry.register(GRADED, EssayGradedV1.class, "t".repeat(250)));
        EventType<EssayGradedV1> atLimit = registry.register(GRADED, EssayGradedV1.class, "t".repeat(249));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(atLimit.topic()).hasSize(249);
    }

    @Test
    void missingTopicMustBeNamedByCaller() {
        EventType<EssayGradedV1> type = new EventTypeRegistry().register(GRADED, EssayGradedV1.class, null);

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, type::requireTopic);

        assertThat(type.findTopic()).isEmpty();
        assertThat(e.reason()).isEqualTo(FailureReason.NO_TOPIC);
    }

    @Test
    void findReturnsEmptyForUnknownOrNull() {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();

        assertThat(registry.find("acme.unknown.v1")).isEmpty();
        assertThat(registry.find(null)).isEmpty();
    }

    @Test
    void forPayloadWithoutRegistrationFails() {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, () -> registry.forPayload(EssayGradedV1.class));

        assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
        assertThat(e.getMessage()).contains(EssayGradedV1.class.getName());
    }

    @Test
    void forPayloadWithSeveralRegistrationsFails() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register("acme.essay.graded.v1", EssayGradedV1.class, null);
        registry.register("acme.essay.regraded.v1", EssayGradedV1.class, null);

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, () -> registry.forPayload(EssayGradedV1.class));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(e.getMessage()).contains("acme.essay.graded.v1", "acme.essay.regraded.v1");
    }

    @Test
    void serviceTypeRoundTripsThroughCodec() {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        registry.register(GRADED, EssayGradedV1.class, "acme.essay.graded");
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventFactory factory = new EventFactory("grading-service", registry, Clock.fixed(NOW, ZoneOffset.UTC));
        EventEnvelope<EssayGradedV1> envelope = factory.create(new EssayGradedV1("essay-42", 87, "Anna"));

        byte[] bytes = codec.encode(envelope);
        EventEnvelope<EssayGradedV1> decoded = codec.decode(bytes, EssayGradedV1.class);

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.eventType()).isEqualTo(GRADED);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"data\":{\"essay_id\":\"essay-42\",\"score\":87,\"graded_by\":\"Anna\"}");
    }

    @Test
    void serviceTypeIsValidated() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register(GRADED, EssayGradedV1.class, null);
        EventCodec codec = EventCodec.builder().registry(registry).build();
        EventEnvelope<EssayGradedV1> envelope = new EventEnvelope<>(UUID.randomUUID(), GRADED, "grading-service", NOW,
                UUID.randomUUID(), new EssayGradedV1("essay-42", 101, null), null);

        EventValidationException e = catchThrowableOfType(EventValidationException.class, () -> codec.encode(envelope));

        assertThat(e.violations()).extracting(v -> v.path()).containsExactly("data.score");
    }

    @Test
    void codecWithoutServiceTypeRejectsIt() {
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        registry.register(GRADED, EssayGradedV1.class, null);
        EventEnvelope<EssayGradedV1> envelope = new EventEnvelope<>(UUID.randomUUID(), GRADED, "grading-service", NOW,
                UUID.randomUUID(), new EssayGradedV1("essay-42", 87, null), null);
        byte[] bytes = EventCodec.builder().registry(registry).build().encode(envelope);

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, () -> EventCodec.withDefaults().decode(bytes));

        assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
    }
}
