package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;

/**
 * Kind of content stored for an essay, such as the original text or an analysis result.
 *
 * <p>Also used as a JSON object key, for example in storage references keyed by content type.
 * Jackson 2.23 writes an enum map key through the {@code @JsonValue} accessor, so keys are wire
 * values without a custom key serializer or a {@code toString()} override.
 */
// Jackson 2.23 can read enum map keys through the @JsonCreator factory alone, but its default
// key deserializer reports an unknown key as an InvalidFormatException without a cause, keeping
// only the message of UnknownWireValueException. The key deserializer below attaches that
// exception as the cause, as Jackson does for unknown values.
@JsonDeserialize(keyUsing = ContentType.WireValueKeyDeserializer.class)
public enum ContentType implements WireEnum {
    ORIGINAL_ESSAY("original_essay"),
    CORRECTED_TEXT("corrected_text"),
    PROCESSING_LOG("processing_log"),
    NLP_METRICS_JSON("nlp_metrics_json"),
    STUDENT_FACING_AI_FEEDBACK_TEXT("student_facing_ai_feedback_text"),
    AI_EDITOR_REVISION_TEXT("ai_editor_revision_text"),
    AI_DETAILED_ANALYSIS_JSON("ai_detailed_analysis_json"),
    GRAMMAR_ANALYSIS_JSON("grammar_analysis_json"),
    CJ_RESULTS_JSON("cj_results_json"),
    RAW_UPLOAD_BLOB("raw_upload_blob"),
    EXTRACTED_PLAINTEXT("extracted_plaintext"),
    STUDENT_PROMPT_TEXT("student_prompt_text");

    private final String wireValue;

    ContentType(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the exact string written to and read from JSON for this constant.
     *
     * @return the wire value, never {@code null}
     */
    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Looks up the constant whose wire value is {@code value}. Jackson calls this when it reads JSON.
     *
     * @param value the wire value, case-sensitive
     * @return the matching constant
     * @throws UnknownWireValueException if no constant has that wire value, or {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ContentType fromWireValue(String value) {
        return WireEnums.fromWireValue(ContentType.class, value);
    }

    /**
     * Key deserializer that reads a map key through {@link #fromWireValue(String)}.
     *
     * <p>Jackson 2.23's {@code MapDeserializer} calls a key deserializer outside the try block that
     * wraps value errors, so an exception thrown here would escape {@code readValue} unwrapped. This
     * class therefore throws Jackson's invalid-key exception with the {@link UnknownWireValueException}
     * as its cause.
     */
    static final class WireValueKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            try {
                return fromWireValue(key);
            } catch (UnknownWireValueException e) {
                JsonMappingException invalidKey = context.weirdKeyException(ContentType.class, key, e.getMessage());
                invalidKey.initCause(e);
                throw invalidKey;
            }
        }
    }
}
