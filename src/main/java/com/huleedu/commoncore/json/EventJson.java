package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.TimeZone;

/**
 * The one place where common-core configures Jackson.
 *
 * <p>The mapper implements the wire rules shared with the Python services:
 * <ul>
 *   <li>snake_case keys for records that do not name them with {@code @JsonProperty};</li>
 *   <li>instants as RFC 3339 strings in UTC with at most 6 fraction digits, read liberally
 *       and never through the JVM's default time zone;</li>
 *   <li>UUIDs lowercase with hyphens, read in any case with or without hyphens;</li>
 *   <li>unknown keys ignored at every level; {@code null} for a primitive and trailing tokens
 *       after the document rejected;</li>
 *   <li>a number, boolean or object where text belongs rejected (as Pydantic does), while a
 *       numeric string where a number belongs is accepted (as Pydantic's lax mode does);</li>
 *   <li>a number with a fraction or exponent where an integer belongs rejected, never
 *       truncated: {@code 3.5} fails as in Pydantic, and so does {@code 2.0}, which Pydantic
 *       would accept but its writers never produce for an integer field;</li>
 *   <li>no {@code NaN} or infinite numbers written;</li>
 *   <li>polymorphic default typing never enabled, so {@code @class} or {@code @type} keys are
 *       ignored like any other unknown key;</li>
 *   <li>nesting deeper than the configured depth and strings longer than the configured size
 *       rejected while parsing;</li>
 *   <li>parser locations never carry the source document, so error messages cannot leak it.</li>
 * </ul>
 */
public final class EventJson {

    /** Maximum JSON nesting depth accepted by default: far above any payload, far below a stack overflow. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 256;

    /** Maximum size of one encoded event in bytes by default, Kafka's default {@code max.request.size}. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 1_048_576;

    private EventJson() {
    }

    /**
     * Creates a mapper with the default limits.
     *
     * @return a new, fully configured mapper
     */
    public static ObjectMapper newObjectMapper() {
        return newObjectMapper(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * Creates a mapper with given parsing limits.
     *
     * @param maxNestingDepth maximum depth of nested objects and arrays
     * @param maxDocumentBytes maximum document length, which also bounds every string
     * @return a new, fully configured mapper
     * @throws IllegalArgumentException if a limit is not positive
     */
    public static ObjectMapper newObjectMapper(int maxNestingDepth, int maxDocumentBytes) {
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 1, but was " + maxNestingDepth);
        }
        if (maxDocumentBytes < 1) {
            throw new IllegalArgumentException("maxDocumentBytes must be at least 1, but was " + maxDocumentBytes);
        }
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxDocumentLength(maxDocumentBytes)
                .maxStringLength(maxDocumentBytes)
                .build();
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new WireTypesModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                .defaultTimeZone(TimeZone.getTimeZone("UTC"))
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
