package com.huleedu.commoncore.kafka.consumer;

import org.apache.kafka.common.header.Headers;

/**
 * The origin of a record (topic, partition, offset, key, headers) and the attempt, for handlers and observers.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset
 * @param key the record key as UTF-8 text, or {@code null} when the record has none
 * @param headers the record's headers as received; read them, do not change them
 * @param attempt 1 for the first try, 2 for the first retry, and so on
 * @param groupId the consumer group
 */
public record EventContext(String topic, int partition, long offset, String key, Headers headers, int attempt, String groupId) {

    /**
     * Formats the record's coordinates as {@code topic-partition@offset}.
     *
     * @return the coordinates
     */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
