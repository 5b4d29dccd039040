package com.huleedu.commoncore.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads and writes instants in the wire format shared with the Python services.
 *
 * <p>Writing: RFC 3339 in UTC with {@code Z}, truncated to whole microseconds, so that at most
 * 6 fraction digits appear (older Pydantic versions reject more). Reading accepts what Python
 * writes: {@code T}, {@code t} or a space between date and time, 0 to 9 fraction digits, and an
 * offset {@code Z}, {@code z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh} or none at all, which
 * means UTC ({@code datetime.utcnow()} writes no offset). The JVM's default time zone is never
 * consulted. Thread-safe.
 */
public final class WireInstants {

    private static final DateTimeFormatter READER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:mm", "Z")
            .optionalEnd()
            .toFormatter()
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private static final int DATE_TIME_SEPARATOR_INDEX = 10;

    private WireInstants() {
    }

    /**
     * Formats an instant for the wire: UTC, {@code Z}, at most 6 fraction digits.
     *
     * @param instant the instant to write
     * @return for example {@code 2026-03-14T09:26:53.589793Z}
     */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Parses a wire instant, returning empty when the text is not one of the accepted forms.
     *
     * @param text the JSON string value
     * @return the instant, or empty if the text is malformed
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() <= DATE_TIME_SEPARATOR_INDEX) {
            return Optional.empty();
        }
        char separator = text.charAt(DATE_TIME_SEPARATOR_INDEX);
        String normalized = text;
        if (separator == ' ' || separator == 't') {
            normalized = text.substring(0, DATE_TIME_SEPARATOR_INDEX) + 'T' + text.substring(DATE_TIME_SEPARATOR_INDEX + 1);
        }
        normalized = withColonInOffset(normalized);
        try {
            TemporalAccessor parsed = READER.parseBest(normalized, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offsetDateTime) {
                return Optional.of(offsetDateTime.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Rewrites a trailing {@code +hhmm} offset as {@code +hh:mm}, which the formatter reads.
     */
    private static String withColonInOffset(String text) {
        int sign = text.length() - 5;
        if (sign <= DATE_TIME_SEPARATOR_INDEX || (text.charAt(sign) != '+' && text.charAt(sign) != '-')) {
            return text;
        }
        for (int i = sign + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return text;
            }
        }
        return text.substring(0, sign + 3) + ':' + text.substring(sign + 3);
    }

    /**
     * Describes the accepted forms, for error messages.
     *
     * @return a short description of the accepted instant syntax
     */
    static String acceptedForms() {
        return "an RFC 3339 date-time such as 2026-03-14T09:26:53.589793Z (offset Z, +hh:mm, +hhmm or none for UTC)";
    }
}
