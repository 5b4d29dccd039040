package com.huleedu.commoncore.kafka;

import java.util.UUID;

/**
 * The location of an acknowledged event in Kafka.
 *
 * @param eventId the event's id
 * @param topic the topic
 * @param partition the partition
 * @param offset the record's offset in the partition
 */
public record PublishResult(UUID eventId, String topic, int partition, long offset) {

    /**
     * Formats the coordinates as {@code topic-partition@offset}.
     *
     * @return the record's coordinates
     */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
