package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import com.huleedu.commoncore.validation.EventValidationException;
import com.huleedu.commoncore.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feeds the decoder malformed, oversized and hostile documents. Every failure must carry the
 * documented reason and path, and no exception in the chain may repeat the essay text.
 */
class HostileInputTest {

    /** Marker inside every essay text below. No exception message may contain it. */
    private static final String SECRET_MARK = "Hemligessay4711";
    private static final String SECRET_TEXT = "Min mormor i Kiruna " + SECRET_MARK + " skrev dagbok varje kväll.";

    private static final String EVENT_ID = "5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c90";
    private static final String CORRELATION_ID = "a3d9e1f4-6b7c-4e2a-8f05-91c2b3d4e5f6";
    private static final String REQUESTED = "huleedu.essay.spellcheck.requested.v1";
    private static final String COMPLETED = "huleedu.essay.spellcheck.completed.v1";
    private static final String WHEN = "2026-03-14T09:26:53.589793Z";

    /** A valid spellcheck request in the order Java and Python write it. */
    private static final String BASE = "{\"event_id\":\"" + EVENT_ID + "\","
            + "\"event_type\":\"" + REQUESTED + "\","
            + "\"source_service\":\"batch-service\","
            + "\"timestamp\":\"" + WHEN + "\","
            + "\"correlation_id\":\"" + CORRELATION_ID + "\","
            + "\"data\":{\"text\":\"" + SECRET_TEXT + "\",\"language\":\"sv-SE\",\"metadata\":{}},"
            + "\"metadata\":{\"published_at\":\"" + WHEN + "\",\"schema_version\":\"1.0.0\"}}";

    private static final int MAX_CAUSE_DEPTH = 20;
    private static final AtomicInteger TRIPWIRE_CONSTRUCTIONS = new AtomicInteger();

    private static final EventCodec CODEC = EventCodec.withDefaults();
    private static final ObjectMapper TREE = new ObjectMapper();

    /** A class whose construction the type-hint tests would notice. */
    public static final class Tripwire {
        public Tripwire() {
            TRIPWIRE_CONSTRUCTIONS.incrementAndGet();
        }
    }

    // ---------------------------------------------------------------- malformed bytes

    static Stream<Arguments> truncations() {
        return Stream.of(
                Arguments.of("inside data.text", BASE.indexOf(SECRET_MARK) + 4, "data.text"),
                Arguments.of("inside source_service", BASE.indexOf("batch-service") + 3, "source_service"),
                Arguments.of("after a key and colon", BASE.indexOf("\"source_service\"") + 17, "$"),
                Arguments.of("before the closing brace", BASE.length() - 1, "$"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truncations")
    void truncatedDocumentIsMalformed(String where, int length, String path) {
        byte[] bytes = BASE.substring(0, length).getBytes(StandardCharsets.UTF_8);

        EventDecodingException e = decodeFailure(CODEC, bytes);

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.getMessage()).contains("truncated");
    }

    /** The first input ends inside the key, so the parser reports the end before the bad byte. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "7B 22 65 76 FF                | the JSON document is truncated",
        "7B 22 65 76 FF 22 3A 31 7D    | invalid UTF-8 byte sequence",
        "7B 22 65 76 C3 28 22 3A 31 7D | invalid UTF-8 byte sequence",
        "7B 22 65 76 ED A0 80 22 3A 31 7D | invalid UTF-8 byte sequence",
    })
    void invalidUtf8IsMalformed(String hex, String problem) {
        EventDecodingException e = decodeFailure(CODEC, HexFormat.ofDelimiter(" ").parseHex(hex));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).contains(problem);
    }

    @Test
    void invalidUtf8InTextIsMalformed() {
        byte[] valid = BASE.getBytes(StandardCharsets.UTF_8);
        int inText = BASE.indexOf(SECRET_MARK) + SECRET_MARK.length();
        valid[inText] = (byte) 0xC3;
        valid[inText + 1] = (byte) 0x28;

        EventDecodingException e = decodeFailure(CODEC, valid);

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("data.text");
        assertThat(e.getMessage()).contains("invalid UTF-8");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "\n\t \r\n"})
    void emptyInputIsMalformed(String input) {
        EventDecodingException e = decodeFailure(CODEC, input.getBytes(StandardCharsets.UTF_8));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).contains("the input is empty");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "array   | an array",
        "string  | a string",
        "integer | an integer",
        "number  | a number",
        "boolean | a boolean",
        "null    | null",
    })
    void nonObjectDocumentIsMalformed(String kind, String found) {
        String document = switch (kind) {
            case "array" -> "[" + BASE + ",\"" + SECRET_TEXT + "\"]";
            case "string" -> "\"" + SECRET_TEXT + "\"";
            case "integer" -> "4711";
            case "number" -> "47.11";
            case "boolean" -> "true";
            default -> "null";
        };

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).endsWith("expected a JSON object, found " + found);
    }

    @Test
    void controlCharacterInTextIsMalformed() {
        String document = BASE.replace(SECRET_MARK, SECRET_MARK + "\u0001");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("data.text");
        assertThat(e.getMessage()).contains("unescaped control character");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {" " + SECRET_MARK, "x" + SECRET_TEXT, ",", "]"})
    void trailingGarbageIsMalformed(String trailing) {
        EventDecodingException e = decodeFailure(CODEC, utf8(BASE + trailing));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).contains("JSON syntax error");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                         | an object",
        "[]                         | an array",
        "\"" + SECRET_TEXT + "\" | a string",
        "0                          | an integer",
    })
    void trailingValueIsMalformed(String trailing, String found) {
        EventDecodingException e = decodeFailure(CODEC, utf8(BASE + trailing));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).endsWith("expected the end of input after the JSON object, found " + found);
    }

    @Test
    void trailingWhitespaceIsAccepted() {
        EventEnvelope<?> envelope = CODEC.decode(utf8(BASE + " \n\t\r\n"));

        assertThat(envelope.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "+Infinity", "+1", "0x10", "01"})
    void nonStandardNumberIsMalformed(String token) {
        String document = BASE.replace("\"metadata\":{}}", "\"metadata\":{\"score\":" + token + "}}");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_JSON);
        assertThat(e.path()).isEqualTo("data.metadata");
        assertThat(e.getMessage()).contains("JSON syntax error");
    }

    // ---------------------------------------------------------------- limits

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {300, 1_000, 5_000, 100_000})
    void deepArraysInPayloadAreTooDeep(int depth) {
        String document = BASE.replace("\"metadata\":{}}", "\"metadata\":{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_DEEP);
        assertThat(e.path()).startsWith("data");
        assertThat(e.getMessage()).contains("deeper than the limit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"data.metadata", "unknown key", "metadata", "data before event_type"})
    void deepObjectsAreTooDeepEverywhere(String where) {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        String document = switch (where) {
            case "data.metadata" -> BASE.replace("\"metadata\":{}}", "\"metadata\":{\"deep\":" + deep + "}}");
            case "unknown key" -> "{\"deep\":" + deep + "," + BASE.substring(1);
            case "metadata" -> BASE.replace("\"schema_version\":\"1.0.0\"}", "\"schema_version\":\"1.0.0\",\"deep\":" + deep + "}");
            default -> "{\"data\":{\"text\":\"" + SECRET_TEXT + "\",\"metadata\":{\"deep\":" + deep + "}},"
                    + BASE.substring(1);
        };

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_DEEP);
    }

    @Test
    void nestingAtDefaultLimitIsAccepted() {
        // The envelope, data and data.metadata objects are three levels, and the arrays add the rest.
        int arrays = EventJson.DEFAULT_MAX_NESTING_DEPTH - 3;

        EventEnvelope<SpellcheckRequestedDataV1> envelope = CODEC.decode(nestedInPayload(arrays), SpellcheckRequestedDataV1.class);

        assertThat(envelope.data().metadata()).containsKey("deep");
    }

    @Test
    void nestingOneOverDefaultLimitIsTooDeep() {
        int arrays = EventJson.DEFAULT_MAX_NESTING_DEPTH - 2;

        EventDecodingException e = decodeFailure(CODEC, nestedInPayload(arrays));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_DEEP);
    }

    @Test
    void configuredNestingDepthIsEnforced() {
        EventCodec shallow = EventCodec.builder().maxNestingDepth(16).build();

        EventEnvelope<?> atLimit = shallow.decode(nestedInPayload(13));
        EventDecodingException overLimit = decodeFailure(shallow, nestedInPayload(14));

        assertThat(atLimit.data()).isInstanceOf(SpellcheckRequestedDataV1.class);
        assertThat(overLimit.reason()).isEqualTo(FailureReason.TOO_DEEP);
    }

    @Test
    void textLongerThanSizeLimitIsTooLarge() {
        EventCodec small = EventCodec.builder().maxEventBytes(1024).build();
        String document = BASE.replace(SECRET_TEXT, SECRET_TEXT.repeat(40));

        EventDecodingException e = decodeFailure(small, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).contains("over the limit of 1024 bytes");
    }

    @Test
    void bytesOneOverSizeLimitAreTooLarge() {
        EventCodec small = EventCodec.builder().maxEventBytes(1024).build();
        byte[] bytes = padded(BASE, 1025);

        EventDecodingException e = decodeFailure(small, bytes);

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.getMessage()).contains("is 1025 bytes, over the limit of 1024 bytes");
    }

    @Test
    void bytesAtSizeLimitAreAccepted() {
        EventCodec small = EventCodec.builder().maxEventBytes(1024).build();

        EventEnvelope<?> envelope = small.decode(padded(BASE, 1024));

        assertThat(envelope.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
    }

    @Test
    void defaultSizeLimitIsOneMebibyte() {
        EventDecodingException e = decodeFailure(CODEC, padded(BASE, EventJson.DEFAULT_MAX_EVENT_BYTES + 1));
        EventEnvelope<?> atLimit = CODEC.decode(padded(BASE, EventJson.DEFAULT_MAX_EVENT_BYTES));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(atLimit.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
    }

    @Test
    void longNumberIsTooLarge() {
        String document = BASE.replace("\"metadata\":{}}", "\"metadata\":{\"n\":" + "9".repeat(5_000) + "}}");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(e.path()).startsWith("data");
    }

    @Test
    void longKeyIsTooLarge() {
        String document = BASE.replace("\"metadata\":{}}", "\"metadata\":{\"" + "k".repeat(60_000) + "\":1}}");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.TOO_LARGE);
        assertThat(e.path()).startsWith("data");
    }

    // ---------------------------------------------------------------- type hints

    static Stream<Arguments> typeHints() {
        return Stream.of("@class", "@type", "@c", "__TypeId__").flatMap(key -> Stream.of(
                Arguments.of(key, "java.net.URL"),
                Arguments.of(key, Tripwire.class.getName())));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("typeHints")
    void typeHintsAreIgnored(String key, String className) {
        int constructionsBefore = TRIPWIRE_CONSTRUCTIONS.get();
        String hint = "\"" + key + "\":\"" + className + "\",";
        String document = BASE
                .replace("{\"event_id\"", "{" + hint + "\"event_id\"")
                .replace("\"data\":{", "\"data\":{" + hint)
                .replace("\"metadata\":{}", "\"metadata\":{" + hint + "\"x\":{" + hint + "\"y\":1}}")
                .replace("\"metadata\":{\"published_at\"", "\"metadata\":{" + hint + "\"published_at\"");

        EventEnvelope<?> envelope = CODEC.decode(utf8(document));

        assertThat(envelope.data()).isExactlyInstanceOf(SpellcheckRequestedDataV1.class);
        SpellcheckRequestedDataV1 data = (SpellcheckRequestedDataV1) envelope.data();
        assertThat(data.metadata().get(key)).isEqualTo(className);
        assertThat(data.metadata().get("x")).isInstanceOf(Map.class);
        assertThat(envelope.metadata().extra().get(key)).isEqualTo(className);
        assertThat(TRIPWIRE_CONSTRUCTIONS.get()).isEqualTo(constructionsBefore);
    }

    @Test
    void wrapperArrayTypeHintIsRejected() {
        int constructionsBefore = TRIPWIRE_CONSTRUCTIONS.get();
        String document = BASE.replace("\"data\":{\"text\":\"" + SECRET_TEXT + "\",\"language\":\"sv-SE\",\"metadata\":{}}",
                "\"data\":[\"" + Tripwire.class.getName() + "\",{\"text\":\"" + SECRET_TEXT + "\"}]");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("data");
        assertThat(TRIPWIRE_CONSTRUCTIONS.get()).isEqualTo(constructionsBefore);
    }

    // ---------------------------------------------------------------- event types and values

    @Test
    void unknownEnumValueIsInvalid() {
        ObjectNode document = result();
        ((ObjectNode) document.get("data")).put("status", "graded_by_robot");

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("data.status");
        assertThat(e.getMessage()).contains("at data.status");
        assertThat(e.getMessage()).contains("'graded_by_robot'");
        assertThat(e.getMessage()).contains("spellchecked_success", "spellcheck_failed");
    }

    @Test
    void unknownEnumMapKeyIsInvalid() {
        ObjectNode document = result();
        ((ObjectNode) document.get("data")).putObject("storage_references").put("essay_scan", "storage-1");

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).startsWith("data.storage_references");
        assertThat(e.getMessage()).contains("'essay_scan'");
        assertThat(e.getMessage()).contains("corrected_text");
    }

    @Test
    void unknownEventTypeIsRejected() {
        String document = BASE.replace(REQUESTED, "huleedu.essay.graded.v9");

        EventDecodingException e = decodeFailure(CODEC, utf8(document));

        assertThat(e.reason()).isEqualTo(FailureReason.UNKNOWN_EVENT_TYPE);
        assertThat(e.path()).isEqualTo("event_type");
        assertThat(e.eventType()).contains("huleedu.essay.graded.v9");
    }

    @Test
    void wrongPayloadClassIsMismatch() {
        EventDecodingException e = catchDecoding(() -> CODEC.decode(utf8(BASE), SpellcheckResultDataV1.class));

        assertThat(e.reason()).isEqualTo(FailureReason.EVENT_TYPE_MISMATCH);
        assertThat(e.path()).isEqualTo("event_type");
        assertThat(e.getMessage()).contains("SpellcheckRequestedDataV1", "SpellcheckResultDataV1");
    }

    @Test
    void conflictingEventTypesAreRejected() {
        String document = BASE.substring(0, BASE.length() - 1) + ",\"event_type\":\"" + COMPLETED + "\"}";

        EventDecodingException generic = decodeFailure(CODEC, utf8(document));
        EventDecodingException typed = catchDecoding(() -> CODEC.decode(utf8(document), SpellcheckRequestedDataV1.class));

        assertThat(generic.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(generic.path()).isEqualTo("event_type");
        assertThat(generic.getMessage()).contains("event_type occurs twice with different values");
        assertThat(typed.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(typed.path()).isEqualTo("event_type");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "text     | 5",
        "text     | 5.5",
        "text     | true",
        "text     | {\"essay\":\"" + SECRET_TEXT + "\"}",
        "text     | [\"" + SECRET_TEXT + "\"]",
        "language | 7",
        "language | {}",
        "metadata | \"" + SECRET_TEXT + "\"",
        "metadata | [1]",
    })
    void wrongJsonTypeInPayloadIsInvalid(String field, String json) throws IOException {
        ObjectNode document = base();
        ((ObjectNode) document.get("data")).set(field, TREE.readTree(json));

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("data." + field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.5", "2.0", "1e2", "true", "\"three\""})
    void nonIntegerInIntegerFieldIsInvalid(String json) throws IOException {
        ObjectNode document = result();
        ((ObjectNode) document.get("data")).set("corrections_made", TREE.readTree(json));

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("data.corrections_made");
    }

    @Test
    void numericStringInIntegerFieldIsAccepted() {
        ObjectNode document = result();
        ((ObjectNode) document.get("data")).put("corrections_made", "3");

        EventEnvelope<SpellcheckResultDataV1> envelope = CODEC.decode(bytes(document), SpellcheckResultDataV1.class);

        assertThat(envelope.data().correctionsMade()).isEqualTo(3);
    }

    @Test
    void malformedPublishedAtIsInvalid() {
        ObjectNode document = base();
        ((ObjectNode) document.get("metadata")).put("published_at", "last tuesday");

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("metadata.published_at");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "event_id       | 5",
        "event_type     | 5",
        "event_type     | [\"" + REQUESTED + "\"]",
        "source_service | {}",
        "timestamp      | 1773480413",
        "correlation_id | true",
        "data           | \"" + SECRET_TEXT + "\"",
        "data           | 1",
        "metadata       | \"" + SECRET_TEXT + "\"",
        "metadata       | []",
    })
    void wrongJsonTypeInEnvelopeIsInvalid(String key, String json) throws IOException {
        ObjectNode document = base();
        document.set(key, TREE.readTree(json));

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"event_id", "event_type", "source_service", "timestamp", "correlation_id", "data"})
    void nullRequiredFieldIsMissing(String key) {
        ObjectNode document = base();
        document.putNull(key);

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.MISSING_FIELD);
        assertThat(e.path()).isEqualTo(key);
        assertThat(e.getMessage()).contains("required field " + key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"event_id", "event_type", "source_service", "timestamp", "correlation_id", "data"})
    void absentRequiredFieldIsMissing(String key) {
        ObjectNode document = base();
        document.remove(key);

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.MISSING_FIELD);
        assertThat(e.path()).isEqualTo(key);
    }

    @Test
    void absentTextIsInvalidPayload() {
        ObjectNode document = base();
        ((ObjectNode) document.get("data")).remove("text");

        EventValidationException e = catchValidation(() -> CODEC.decode(bytes(document)));

        assertThat(e.violations()).extracting(Violation::path).containsExactly("data.text");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "event_id        | not-a-uuid",
        "event_id        | 5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c9",
        "event_id        | 1-1-1-1-1",
        "event_id        | 5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c9g",
        "event_id        | ''",
        "correlation_id  | " + SECRET_MARK,
        "correlation_id  | {a3d9e1f4-6b7c-4e2a-8f05-91c2b3d4e5f6}",
        "timestamp       | yesterday",
        "timestamp       | 2026-13-01T00:00:00Z",
        "timestamp       | 2026-03-14",
        "timestamp       | 2026-03-14T09:26:53+25:00",
        "timestamp       | " + SECRET_MARK,
        "event_timestamp | 14/03/2026 09:26",
    })
    void malformedIdOrTimeIsInvalid(String key, String value) {
        ObjectNode document = base();
        document.put(key, value);

        EventDecodingException e = decodeFailure(CODEC, bytes(document));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo(key);
        assertThat(e.getMessage()).contains("malformed");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "absent                          | 1.0.0",
        "null                            | 1.0.0",
        "{}                              | 1.0.0",
        "{\"retry_count\":0}             | 1.0.0",
        "{\"schema_version\":2}          | 2",
        "{\"schema_version\":\"1.1.0\"}  | 1.1.0",
        "{\"published_at\":null}         | 1.0.0",
    })
    void metadataVariantsAreAccepted(String metadata, String schemaVersion) throws IOException {
        ObjectNode document = base();
        if (metadata.equals("absent")) {
            document.remove("metadata");
        } else {
            document.set("metadata", TREE.readTree(metadata));
        }

        EventEnvelope<?> envelope = CODEC.decode(bytes(document));

        assertThat(envelope.schemaVersion()).isEqualTo(schemaVersion);
        assertThat(envelope.data()).isInstanceOf(SpellcheckRequestedDataV1.class);
    }

    @Test
    void metadataExtraKeysKeepReceivedOrder() throws IOException {
        ObjectNode document = base();
        document.set("metadata", TREE.readTree("{\"retry_count\":0,\"partition_key\":\"essay-42\"}"));

        EventEnvelope<?> envelope = CODEC.decode(bytes(document));

        assertThat(envelope.metadata().publishedAt()).isNull();
        assertThat(envelope.metadata().extra()).containsEntry("retry_count", 0);
        assertThat(envelope.metadata().extra()).containsEntry("partition_key", "essay-42");
        assertThat(envelope.metadata().extra().keySet()).containsExactly("retry_count", "partition_key");
    }

    /** The example document of docs/wire-format.md. */
    @Test
    void exampleVectorReencodesUnchanged() {
        byte[] bytes = PydanticVectorTest.resource("pydantic/py-aware-utc.json");

        byte[] again = CODEC.encode(CODEC.decode(bytes));

        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void pythonTopLevelKeysAreAccepted() {
        ObjectNode document = base();
        document.put("schema_version", 1);
        document.putNull("data_schema_uri");

        EventEnvelope<?> envelope = CODEC.decode(bytes(document));

        assertThat(envelope).isEqualTo(CODEC.decode(utf8(BASE)));
    }

    @Test
    void eventTimestampReplacesTimestamp() {
        ObjectNode document = base();
        document.remove("timestamp");
        document.put("event_timestamp", "2026-03-14T10:26:53.589793+01:00");

        EventEnvelope<?> envelope = CODEC.decode(bytes(document));

        assertThat(envelope.timestamp()).isEqualTo(Instant.parse(WHEN));
    }

    @Test
    void timestampWinsOverEventTimestamp() {
        ObjectNode document = base();
        document.put("event_timestamp", "2020-01-01T00:00:00Z");

        EventEnvelope<?> envelope = CODEC.decode(bytes(document));

        assertThat(envelope.timestamp()).isEqualTo(Instant.parse(WHEN));
    }

    @Test
    void dataBeforeEventTypeGivesSameEnvelope() {
        ObjectNode original = base();
        ObjectNode reordered = TREE.createObjectNode();
        reordered.set("data", original.get("data"));
        reordered.set("metadata", original.get("metadata"));
        original.fieldNames().forEachRemaining(name -> reordered.putIfAbsent(name, original.get(name)));

        EventEnvelope<?> envelope = CODEC.decode(bytes(reordered));

        assertThat(reordered.fieldNames().next()).isEqualTo("data");
        assertThat(envelope).isEqualTo(CODEC.decode(utf8(BASE)));
    }

    @Test
    void dataBeforeEventTypeStillFailsWithPath() {
        ObjectNode original = base();
        ObjectNode reordered = TREE.createObjectNode();
        reordered.putObject("data").put("text", 5);
        original.fieldNames().forEachRemaining(name -> reordered.putIfAbsent(name, original.get(name)));

        EventDecodingException e = decodeFailure(CODEC, bytes(reordered));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(e.path()).isEqualTo("data.text");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"source_service", "timestamp", "data", "metadata", "event_type"})
    void duplicatedKeyLastWins(String key) {
        String first = switch (key) {
            case "source_service" -> "\"source_service\":\"old-service\"";
            case "timestamp" -> "\"timestamp\":\"2020-01-01T00:00:00Z\"";
            case "data" -> "\"data\":{\"text\":\"first text\",\"language\":\"en-GB\"}";
            case "metadata" -> "\"metadata\":{\"schema_version\":\"9.9.9\"}";
            default -> "\"event_type\":\"" + REQUESTED + "\"";
        };
        String document = "{" + first + "," + BASE.substring(1);

        EventEnvelope<?> envelope = CODEC.decode(utf8(document));

        assertThat(envelope).isEqualTo(CODEC.decode(utf8(BASE)));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void blankTextIsInvalidPayload() {
        String document = BASE.replace(SECRET_TEXT, " \\t\\n ");

        EventValidationException e = catchValidation(() -> CODEC.decode(utf8(document)));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
        assertThat(e.violations()).extracting(Violation::path).containsExactly("data.text");
        assertThat(e.violations()).extracting(Violation::constraint).containsExactly("NotBlank");
    }

    @Test
    void malformedLanguageIsInvalidPayload() {
        String document = BASE.replace("\"sv-SE\"", "\"sv_SE " + SECRET_MARK + "\"");

        EventValidationException e = catchValidation(() -> CODEC.decode(utf8(document)));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
        assertThat(e.violations()).extracting(Violation::path).containsExactly("data.language");
        assertThat(e.violations()).extracting(Violation::constraint).containsExactly("LanguageTag");
        assertThat(e.getMessage()).contains("data.language");
    }

    @Test
    void blankTextAndBadLanguageAreBothReported() {
        String document = BASE.replace(SECRET_TEXT, "").replace("\"sv-SE\"", "\"not a tag\"");

        EventValidationException e = catchValidation(() -> CODEC.decode(utf8(document)));

        assertThat(e.violations()).extracting(Violation::path).containsExactly("data.language", "data.text");
    }

    @Test
    void decodeWithoutValidationAcceptsBlankText() {
        EventCodec lenient = EventCodec.builder().validateOnDecode(false).build();
        String document = BASE.replace(SECRET_TEXT, "   ");

        EventEnvelope<SpellcheckRequestedDataV1> envelope = lenient.decode(utf8(document), SpellcheckRequestedDataV1.class);

        assertThat(envelope.data().text()).isEqualTo("   ");
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] nestedInPayload(int arrays) {
        String nested = "[".repeat(arrays) + "]".repeat(arrays);
        return utf8(BASE.replace("\"metadata\":{}}", "\"metadata\":{\"deep\":" + nested + "}}"));
    }

    /** Pads a document with trailing spaces to exactly {@code length} bytes. */
    private static byte[] padded(String document, int length) {
        byte[] bytes = utf8(document);
        assertThat(bytes.length).isLessThanOrEqualTo(length);
        byte[] result = new byte[length];
        System.arraycopy(bytes, 0, result, 0, bytes.length);
        Arrays.fill(result, bytes.length, length, (byte) ' ');
        return result;
    }

    private static ObjectNode base() {
        try {
            return (ObjectNode) TREE.readTree(BASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a valid spellcheck result whose error message contains the essay text marker. */
    private static ObjectNode result() {
        ObjectNode document = base();
        document.put("event_type", COMPLETED);
        ObjectNode data = document.putObject("data");
        data.put("event_name", "essay.spellcheck.completed");
        data.put("entity_id", "essay-1");
        data.put("status", "spellcheck_failed");
        data.put("corrections_made", 0);
        data.put("word_count", 0);
        data.put("error_message", "checker failed on " + SECRET_MARK);
        return document;
    }

    private static byte[] bytes(JsonNode document) {
        try {
            return TREE.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static EventDecodingException decodeFailure(EventCodec codec, byte[] bytes) {
        return catchDecoding(() -> codec.decode(bytes));
    }

    private static EventDecodingException catchDecoding(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(EventDecodingException.class);
        assertNoEssayText(thrown);
        return (EventDecodingException) thrown;
    }

    private static EventValidationException catchValidation(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(EventValidationException.class);
        assertNoEssayText(thrown);
        return (EventValidationException) thrown;
    }

    /** Checks the message of the exception and of every cause, as a logged stack trace would show them. */
    private static void assertNoEssayText(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CommonCoreException.class);
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            assertThat(String.valueOf(current.getMessage()))
                    .as("message of %s at cause depth %d", current.getClass().getName(), depth)
                    .doesNotContain(SECRET_MARK);
            current = current.getCause();
        }
    }
}
