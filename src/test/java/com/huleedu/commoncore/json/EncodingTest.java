package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.enums.BatchStatus;
import com.huleedu.commoncore.enums.ContentType;
import com.huleedu.commoncore.enums.EssayStatus;
import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.enums.ProcessingStage;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventMetadata;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.processing.EssayStatusUpdatedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckPhaseCompletedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.validation.EventValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EncodingTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793123Z");
    private static final EventTypeRegistry REGISTRY = EventTypeRegistry.withDefaults();
    private static final EventFactory FACTORY = new EventFactory("batch-service", REGISTRY,
            Clock.fixed(NOW, ZoneId.of("Europe/Stockholm")));
    private static final EventCodec CODEC = EventCodec.withDefaults();
    private static final ObjectMapper TREE = new ObjectMapper();

    static Stream<Object> payloads() {
        return Stream.of(
                new SpellcheckRequestedDataV1("Hej världen 😀", "sv-SE", Map.of("priority", "high")),
                SpellcheckRequestedDataV1.of("Teh quick brown fox"),
                new SpellcheckResultDataV1(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED, "essay-1",
                        EssayStatus.SPELLCHECKED_SUCCESS, 3, 120, Map.of(ContentType.CORRECTED_TEXT, "storage-9"), null),
                new SpellcheckResultDataV1(null, "essay-2", EssayStatus.SPELLCHECK_FAILED, 0, 0, null, "timed out"),
                new SpellcheckPhaseCompletedV1(null, "batch-7", BatchStatus.COMPLETED_WITH_FAILURES, 10, 8, 2, NOW),
                new EssayStatusUpdatedV1("essay-3", "batch-7", EssayStatus.NLP_IN_PROGRESS, EssayStatus.SPELLCHECKED_SUCCESS,
                        ProcessingStage.PROCESSING, NOW, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void everyPayloadRoundTrips(Object payload) {
        EventEnvelope<Object> envelope = FACTORY.create(payload);

        EventEnvelope<?> decoded = CODEC.decode(CODEC.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(decoded.data()).isInstanceOf(payload.getClass());
    }

    @Test
    void envelopeKeysAndFormsMatchContract() throws Exception {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(SpellcheckRequestedDataV1.of("Text"));

        JsonNode tree = TREE.readTree(CODEC.encode(envelope));

        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("event_id", "event_type", "source_service", "timestamp", "correlation_id", "data", "metadata");
        assertThat(tree.get("timestamp").asText()).isEqualTo("2026-03-14T09:26:53.589793Z");
        assertThat(tree.get("metadata").get("published_at").asText()).isEqualTo("2026-03-14T09:26:53.589793Z");
        assertThat(tree.get("metadata").get("schema_version").asText()).isEqualTo("1.0.0");
        assertThat(tree.get("event_id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(tree.get("correlation_id").asText()).isEqualTo(envelope.correlationId().toString());
        assertThat(tree.get("data").get("language").asText()).isEqualTo("en-US");
        assertThat(tree.get("data").get("metadata").isObject()).isTrue();
    }

    @Test
    void resultWritesEnumWireValuesAndMapKeys() throws Exception {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, "essay-1", EssayStatus.SPELLCHECKED_SUCCESS, 1, 2,
                Map.of(ContentType.CORRECTED_TEXT, "storage-1"), null);

        JsonNode data = TREE.readTree(CODEC.encode(FACTORY.create(result))).get("data");

        assertThat(data.get("event_name").asText()).isEqualTo("essay.spellcheck.completed");
        assertThat(data.get("status").asText()).isEqualTo("spellchecked_success");
        assertThat(data.get("storage_references").get("corrected_text").asText()).isEqualTo("storage-1");
        assertThat(data.get("corrections_made").asInt()).isEqualTo(1);
        assertThat(data.has("outcome_consistent")).isFalse();
        assertThat(data.has("error_message")).isTrue();
    }

    @Test
    void nanInMetadataFailsToEncode() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(
                new SpellcheckRequestedDataV1("Text", "en-US", Map.of("score", Double.NaN)));

        assertThatThrownBy(() -> CODEC.encode(envelope))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.ENCODING_FAILED);
                    assertThat(e.getMessage()).contains("data.metadata.score").contains("NaN");
                });
    }

    @Test
    void invalidPayloadFailsBeforeEncoding() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(SpellcheckRequestedDataV1.of("   ", "not a tag!"));

        assertThatThrownBy(() -> CODEC.encode(envelope))
                .isInstanceOfSatisfying(EventValidationException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
                    assertThat(e.violations()).extracting(v -> v.path()).containsExactly("data.language", "data.text");
                    assertThat(e.getMessage()).doesNotContain("${").doesNotContain("not a tag!");
                });
    }

    @Test
    void oversizeEventFailsWithSizeGuard() {
        EventCodec small = EventCodec.builder().maxEventBytes(2048).build();
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(SpellcheckRequestedDataV1.of("x".repeat(3000)));

        assertThatThrownBy(() -> small.encode(envelope))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("over the limit of 2048 bytes").contains("reference")
                            .doesNotContain("xxxx");
                });
    }

    @Test
    void unregisteredEventTypeFailsToEncode() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = new EventEnvelope<>(UUID.randomUUID(), "huleedu.unknown.v1",
                "svc", NOW, UUID.randomUUID(), SpellcheckRequestedDataV1.of("Text"), null);

        assertThatThrownBy(() -> CODEC.encode(envelope))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE));
    }

    @Test
    void envelopeWithoutMetadataOmitsTheKey() throws Exception {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(SpellcheckRequestedDataV1.of("Text")).withMetadata(null);

        JsonNode tree = TREE.readTree(CODEC.encode(envelope));

        assertThat(tree.has("metadata")).isFalse();
        assertThat(CODEC.decode(CODEC.encode(envelope))).isEqualTo(envelope);
    }

    @Test
    void metadataExtraKeysRoundTripInOrder() throws Exception {
        EventMetadata metadata = EventMetadata.publishedAt(NOW).with("retry_count", 2).with("partition_key", "essay-42");
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(SpellcheckRequestedDataV1.of("Text")).withMetadata(metadata);

        byte[] bytes = CODEC.encode(envelope);
        JsonNode tree = TREE.readTree(bytes);

        List<String> keys = new ArrayList<>();
        tree.get("metadata").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("published_at", "schema_version", "retry_count", "partition_key");
        assertThat(CODEC.decode(bytes).metadata()).isEqualTo(metadata);
    }

    @Test
    void toStringNeverShowsEssayText() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = FACTORY.create(
                new SpellcheckRequestedDataV1("Mitt hemliga uppsatsinnehåll", "sv-SE", Map.of("student", "Anna Svensson")));

        assertThat(envelope.toString()).doesNotContain("hemliga").doesNotContain("Anna");
        assertThat(envelope.data().toString()).doesNotContain("hemliga").contains("28 chars");
        assertThat(envelope.data().toString()).doesNotContain("Anna Svensson");
    }
}
