package com.huleedu.commoncore.events;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Envelope metadata: when the event was published, the schema version, and any other keys.
 *
 * <p>On the wire this is a free-form object. {@code published_at} may be absent (the Python
 * services send their own keys such as {@code retry_count}); {@code schema_version} defaults to
 * {@value #DEFAULT_SCHEMA_VERSION}. Every other key is kept unchanged in {@link #extra()} and
 * written back after the two known keys. Instants are kept to whole microseconds, the precision
 * of the wire.
 *
 * @param publishedAt when the event was handed to Kafka, or {@code null} if unknown
 * @param schemaVersion the semantic version of the envelope schema
 * @param extra other metadata keys in received order; values are JSON-compatible objects
 */
@JsonPropertyOrder({"published_at", "schema_version"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(builder = EventMetadata.JsonBuilder.class)
public record EventMetadata(
        @JsonProperty("published_at") Instant publishedAt,
        @JsonProperty("schema_version") String schemaVersion,
        @JsonIgnore Map<String, Object> extra) {

    /** The schema version written when none is given. */
    public static final String DEFAULT_SCHEMA_VERSION = "1.0.0";

    /**
     * Creates metadata, applying the defaults and copying {@code extra}.
     */
    public EventMetadata {
        publishedAt = publishedAt == null ? null : publishedAt.truncatedTo(ChronoUnit.MICROS);
        schemaVersion = schemaVersion == null || schemaVersion.isBlank() ? DEFAULT_SCHEMA_VERSION : schemaVersion;
        extra = extra == null || extra.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        extra.keySet().forEach(EventMetadata::rejectKnownKey);
    }

    /**
     * Creates metadata with a publication time and the default schema version.
     *
     * @param publishedAt when the event is published
     * @return the metadata
     */
    public static EventMetadata publishedAt(Instant publishedAt) {
        return new EventMetadata(publishedAt, DEFAULT_SCHEMA_VERSION, Map.of());
    }

    /**
     * Returns a copy with another publication time.
     *
     * @param instant the new {@code published_at}
     * @return a new metadata object
     */
    public EventMetadata withPublishedAt(Instant instant) {
        return new EventMetadata(instant, schemaVersion, extra);
    }

    /**
     * Returns a copy with another schema version.
     *
     * @param version the new {@code schema_version}, for example {@code 1.1.0}
     * @return a new metadata object
     */
    public EventMetadata withSchemaVersion(String version) {
        return new EventMetadata(publishedAt, version, extra);
    }

    /**
     * Returns a copy with one more key, or a replaced value for an existing extra key.
     *
     * @param key the metadata key; not {@code published_at} or {@code schema_version}
     * @param value a JSON-compatible value
     * @return a new metadata object
     */
    public EventMetadata with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(extra);
        copy.put(key, value);
        return new EventMetadata(publishedAt, schemaVersion, copy);
    }

    @JsonAnyGetter
    Map<String, Object> extraForJson() {
        return extra;
    }

    private static void rejectKnownKey(String key) {
        if ("published_at".equals(key) || "schema_version".equals(key)) {
            throw new IllegalArgumentException("extra metadata must not contain '" + key
                    + "': pass it as the record component instead");
        }
    }

    /**
     * Describes the metadata without extra values, which may be personal data.
     *
     * @return the publication time, schema version and the names of the extra keys
     */
    @Override
    public String toString() {
        return "EventMetadata[published_at=" + publishedAt + ", schema_version=" + schemaVersion
                + ", extra_keys=" + extra.keySet() + "]";
    }

    /**
     * Reads metadata from JSON, where {@code schema_version} may also be a number.
     *
     * <p>A builder rather than a creator because Jackson 2.x collects the any-setter keys of a
     * creator in a {@code HashMap}, which loses their received order (fixed in Jackson 3.2);
     * an any-setter method keeps it.
     */
    @JsonPOJOBuilder(withPrefix = "")
    static final class JsonBuilder {
        private Instant publishedAt;
        private Object schemaVersion;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        @JsonProperty("published_at")
        JsonBuilder publishedAt(Instant value) {
            this.publishedAt = value;
            return this;
        }

        @JsonProperty("schema_version")
        JsonBuilder schemaVersion(Object value) {
            this.schemaVersion = value;
            return this;
        }

        @JsonAnySetter
        void extra(String key, Object value) {
            extra.put(key, value);
        }

        EventMetadata build() {
            return new EventMetadata(publishedAt, schemaVersion == null ? null : schemaVersion.toString(), extra);
        }
    }
}
