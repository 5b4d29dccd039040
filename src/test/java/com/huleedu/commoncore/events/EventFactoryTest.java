package com.huleedu.commoncore.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.enums.EssayStatus;
import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793123Z");
    private static final Instant NOW_MICROS = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.withDefaults();
    private static final SpellcheckRequestedDataV1 REQUEST = SpellcheckRequestedDataV1.of("Teh quick brown fox");

    private static EventFactory factoryIn(String zone) {
        return new EventFactory("batch-service", REGISTRY, Clock.fixed(NOW, ZoneId.of(zone)));
    }

    @Test
    void createSetsTypeAndSource() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = factoryIn("UTC").create(REQUEST);

        assertThat(envelope.eventType()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(envelope.sourceService()).isEqualTo("batch-service");
        assertThat(envelope.data()).isSameAs(REQUEST);
    }

    @Test
    void eachEventGetsFreshId() {
        EventFactory factory = factoryIn("UTC");
        Set<UUID> ids = new HashSet<>();

        for (int i = 0; i < 100; i++) {
            ids.add(factory.create(REQUEST).eventId());
        }

        assertThat(ids).hasSize(100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTC", "Europe/Stockholm", "America/St_Johns", "Asia/Kathmandu"})
    void timeComesFromClockTruncatedToMicros(String zone) {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = factoryIn(zone).create(REQUEST);

        assertThat(envelope.timestamp()).isEqualTo(NOW_MICROS);
        assertThat(envelope.metadata().publishedAt()).isEqualTo(NOW_MICROS);
    }

    @Test
    void metadataHasDefaultSchemaVersion() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = factoryIn("UTC").create(REQUEST);

        assertThat(envelope.metadata().schemaVersion()).isEqualTo("1.0.0");
        assertThat(envelope.schemaVersion()).isEqualTo(EventMetadata.DEFAULT_SCHEMA_VERSION);
        assertThat(envelope.metadata().extra()).isEmpty();
    }

    @Test
    void createStartsNewFlow() {
        EventFactory factory = factoryIn("UTC");

        EventEnvelope<SpellcheckRequestedDataV1> first = factory.create(REQUEST);
        EventEnvelope<SpellcheckRequestedDataV1> second = factory.create(REQUEST);

        assertThat(first.correlationId()).isNotEqualTo(second.correlationId());
        assertThat(first.correlationId()).isNotEqualTo(first.eventId());
    }

    @Test
    void createKeepsGivenCorrelationId() {
        UUID flow = UUID.fromString("a3d9e1f4-6b7c-4e2a-8f05-91c2b3d4e5f6");

        EventEnvelope<SpellcheckRequestedDataV1> envelope = factoryIn("UTC").create(REQUEST, flow);

        assertThat(envelope.correlationId()).isEqualTo(flow);
    }

    @Test
    void createCausedByCarriesCorrelationId() {
        EventFactory batch = factoryIn("UTC");
        EventFactory spellchecker = new EventFactory("spellchecker-service", REGISTRY, Clock.fixed(NOW.plusSeconds(5), ZoneId.of("UTC")));
        EventEnvelope<SpellcheckRequestedDataV1> request = batch.create(REQUEST);

        EventEnvelope<SpellcheckResultDataV1> result = spellchecker.createCausedBy(request,
                SpellcheckResultDataV1.success("essay-1", 1, 4));

        assertThat(result.correlationId()).isEqualTo(request.correlationId());
        assertThat(result.eventId()).isNotEqualTo(request.eventId());
        assertThat(result.eventType()).isEqualTo("huleedu.essay.spellcheck.completed.v1");
        assertThat(result.sourceService()).isEqualTo("spellchecker-service");
        assertThat(result.timestamp()).isEqualTo(NOW_MICROS.plusSeconds(5));
    }

    @Test
    void unregisteredPayloadIsRejected() {
        EventFactory factory = new EventFactory("batch-service", new EventTypeRegistry(), Clock.systemUTC());

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, () -> factory.create(REQUEST));

        assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
    }

    @Test
    void ambiguousPayloadNeedsExplicitType() {
        EventTypeRegistry registry = new EventTypeRegistry();
        registry.register("acme.essay.spellcheck.requested.v1", SpellcheckRequestedDataV1.class, null);
        EventType<SpellcheckRequestedDataV1> retry = registry.register("acme.essay.spellcheck.retried.v1",
                SpellcheckRequestedDataV1.class, null);
        EventFactory factory = new EventFactory("batch-service", registry, Clock.fixed(NOW, ZoneId.of("UTC")));

        CommonCoreException e = catchThrowableOfType(CommonCoreException.class, () -> factory.create(REQUEST));
        EventEnvelope<SpellcheckRequestedDataV1> explicit = factory.create(retry, REQUEST, UUID.randomUUID());

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_REGISTRATION);
        assertThat(explicit.eventType()).isEqualTo("acme.essay.spellcheck.retried.v1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "\t"})
    void blankSourceServiceIsRejected(String name) {
        assertThatThrownBy(() -> new EventFactory(name, REGISTRY, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sourceService must not be blank");
    }

    @Test
    void nullArgumentsAreRejected() {
        EventFactory factory = factoryIn("UTC");
        EventType<SpellcheckRequestedDataV1> type = REGISTRY.forPayload(SpellcheckRequestedDataV1.class);

        assertThatThrownBy(() -> factory.create(type, REQUEST, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> factory.create(type, null, UUID.randomUUID())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new EventFactory("svc", null, Clock.systemUTC())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void forServiceUsesSystemClock() {
        Instant before = Instant.now();

        EventEnvelope<SpellcheckResultDataV1> envelope = EventFactory.forService("spellchecker-service", REGISTRY)
                .create(new SpellcheckResultDataV1(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED, "essay-1",
                        EssayStatus.SPELLCHECKED_SUCCESS, 0, 1, Map.of(), null));

        assertThat(envelope.timestamp()).isBetween(before.truncatedTo(ChronoUnit.MICROS), Instant.now());
        assertThat(envelope.timestamp().getNano() % 1_000).isZero();
    }
}
