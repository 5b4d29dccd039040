package com.huleedu.commoncore.enums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link ContentType} works as a JSON object key with a plain {@link ObjectMapper}.
 *
 * <p>Jackson 2.23 writes an enum map key through the enum's {@code @JsonValue} accessor, so no
 * {@code toString()} override is needed. {@link ContentType} has its own key deserializer only so
 * that an unknown key keeps {@link UnknownWireValueException} as the cause.
 */
class ContentTypeMapKeyTest {

    private static final TypeReference<Map<ContentType, String>> MAP_TYPE = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void mapKeyIsWrittenAsWireValue() throws JsonProcessingException {
        Map<ContentType, String> references = Map.of(ContentType.ORIGINAL_ESSAY, "storage-1");

        String json = mapper.writeValueAsString(references);

        assertThat(json).isEqualTo("{\"original_essay\":\"storage-1\"}");
    }

    @Test
    void mapKeyIsReadFromWireValue() throws JsonProcessingException {
        Map<ContentType, String> references = mapper.readValue("{\"original_essay\":\"storage-1\"}", MAP_TYPE);

        assertThat(references).containsExactly(Map.entry(ContentType.ORIGINAL_ESSAY, "storage-1"));
    }

    @Test
    void everyConstantRoundTripsAsMapKey() throws JsonProcessingException {
        Map<ContentType, String> references = new LinkedHashMap<>();
        for (ContentType type : ContentType.values()) {
            references.put(type, "storage-" + type.ordinal());
        }

        String json = mapper.writeValueAsString(references);
        Map<ContentType, String> readBack = mapper.readValue(json, MAP_TYPE);

        for (ContentType type : ContentType.values()) {
            assertThat(json).contains("\"" + type.wireValue() + "\":\"storage-" + type.ordinal() + "\"");
        }
        assertThat(readBack).isEqualTo(references);
    }

    @Test
    void enumMapKeyIsWrittenAsWireValue() throws JsonProcessingException {
        Map<ContentType, String> references = new EnumMap<>(ContentType.class);
        references.put(ContentType.NLP_METRICS_JSON, "storage-2");

        String json = mapper.writeValueAsString(references);

        assertThat(json).isEqualTo("{\"nlp_metrics_json\":\"storage-2\"}");
    }

    @Test
    void constantNameAsMapKeyIsRejected() {
        assertThatThrownBy(() -> mapper.readValue("{\"ORIGINAL_ESSAY\":\"storage-1\"}", MAP_TYPE))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("ORIGINAL_ESSAY")
                .cause()
                .isInstanceOf(UnknownWireValueException.class)
                .hasMessageContaining("original_essay");
    }
}
