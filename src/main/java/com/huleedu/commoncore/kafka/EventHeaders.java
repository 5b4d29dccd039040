package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.events.EventEnvelope;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Names of the Kafka headers common-core writes, and tolerant reading of header values.
 *
 * <p>Every value is UTF-8 text. On read the JSON body is authoritative: headers may be missing
 * (Python outbox relays send none), duplicated (the last one wins) or {@code null}-valued, and
 * none of that raises.
 */
public final class EventHeaders {

    /** The envelope's {@code event_type}. */
    public static final String EVENT_TYPE = "event_type";
    /** The envelope's {@code correlation_id}. */
    public static final String CORRELATION_ID = "correlation_id";
    /** The envelope's {@code event_id}. */
    public static final String EVENT_ID = "event_id";
    /** The metadata's {@code schema_version}, {@code 1.0.0} when there is no metadata. */
    public static final String SCHEMA_VERSION = "schema_version";
    /** Always {@value #JSON_CONTENT_TYPE}. */
    public static final String CONTENT_TYPE = "content_type";
    /** The envelope's {@code source_service}. */
    public static final String SOURCE_SERVICE = "source_service";
    /** Equal to the correlation id; the Python services deduplicate on it. */
    public static final String TRACE_ID = "trace_id";
    /** A W3C trace context, passed through when the caller supplies one. */
    public static final String TRACEPARENT = "traceparent";

    /** The value of {@link #CONTENT_TYPE}. */
    public static final String JSON_CONTENT_TYPE = "application/json";

    private EventHeaders() {
    }

    /**
     * Writes the standard headers of an envelope, replacing any earlier ones of the same names.
     *
     * @param headers the record's headers
     * @param envelope the envelope being sent
     * @param traceparent a W3C {@code traceparent} value, or {@code null}
     */
    public static void write(Headers headers, EventEnvelope<?> envelope, String traceparent) {
        put(headers, EVENT_TYPE, envelope.eventType());
        put(headers, CORRELATION_ID, envelope.correlationId().toString());
        put(headers, EVENT_ID, envelope.eventId().toString());
        put(headers, SCHEMA_VERSION, envelope.schemaVersion());
        put(headers, CONTENT_TYPE, JSON_CONTENT_TYPE);
        put(headers, SOURCE_SERVICE, envelope.sourceService());
        put(headers, TRACE_ID, envelope.correlationId().toString());
        if (traceparent != null) {
            put(headers, TRACEPARENT, traceparent);
        }
    }

    /**
     * Replaces every header of a name with one UTF-8 value.
     *
     * @param headers the record's headers
     * @param name the header name
     * @param value the value
     */
    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the last value of a header as text.
     *
     * @param headers the record's headers, possibly {@code null}
     * @param name the header name
     * @return the value, or empty when the header is missing, {@code null}-valued or not valid UTF-8
     */
    public static Optional<String> lastValue(Headers headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header.value()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
