package com.huleedu.commoncore.kafka.consumer;

import java.util.List;

/**
 * Names of the diagnostic headers on a dead-letter record. All values are UTF-8 text; numbers
 * are decimal and times are RFC 3339 in UTC.
 *
 * <p>Every name starts with {@value #PREFIX}. When a record is dead-lettered again, every
 * header with that prefix is replaced, never appended.
 */
public final class DeadLetterHeaders {

    /** Prefix of every diagnostic header. */
    public static final String PREFIX = "dlq_";
    /** Topic the record was consumed from. */
    public static final String ORIGINAL_TOPIC = "dlq_original_topic";
    /** Partition the record was consumed from. */
    public static final String ORIGINAL_PARTITION = "dlq_original_partition";
    /** Offset of the record in its partition. */
    public static final String ORIGINAL_OFFSET = "dlq_original_offset";
    /** The record's own timestamp, RFC 3339 in UTC. */
    public static final String ORIGINAL_TIMESTAMP = "dlq_original_timestamp";
    /** Consumer group that gave up on the record. */
    public static final String CONSUMER_GROUP = "dlq_consumer_group";
    /** Lowercase {@link com.huleedu.commoncore.FailureReason}, such as {@code malformed_json}. */
    public static final String FAILURE_REASON = "dlq_failure_reason";
    /** Fully qualified class name of the exception. */
    public static final String EXCEPTION_CLASS = "dlq_exception_class";
    /** Short description of the failure, at most 300 characters, without payload text. */
    public static final String EXCEPTION_MESSAGE = "dlq_exception_message";
    /** When the record was dead-lettered, RFC 3339 in UTC. */
    public static final String FAILED_AT = "dlq_failed_at";
    /** Number of attempts made, 1 when the record was not retried. */
    public static final String ATTEMPTS = "dlq_attempts";

    /** Every diagnostic header name, in the order they are written. */
    public static final List<String> ALL = List.of(ORIGINAL_TOPIC, ORIGINAL_PARTITION, ORIGINAL_OFFSET,
            ORIGINAL_TIMESTAMP, CONSUMER_GROUP, FAILURE_REASON, EXCEPTION_CLASS, EXCEPTION_MESSAGE, FAILED_AT, ATTEMPTS);

    private DeadLetterHeaders() {
    }
}
