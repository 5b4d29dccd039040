package com.huleedu.commoncore.kafka.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets that are done but not yet committed, per partition.
 *
 * <p>The consumer loop handles a partition's records strictly in order and stops at the first
 * record that is not done, so "done up to N" always means every record up to N is done; the
 * offset to commit is then N + 1. Not thread-safe: used only on the consumer's thread.
 */
final class OffsetTracker {

    private final Map<TopicPartition, Long> pending = new HashMap<>();

    /**
     * Records that {@code offset} is done: handled, or written to the dead-letter topic.
     */
    void markDone(TopicPartition partition, long offset) {
        pending.merge(partition, offset + 1, Math::max);
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /**
     * Returns the offsets to commit for all partitions, without forgetting them.
     */
    Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pending.forEach((partition, next) -> offsets.put(partition, new OffsetAndMetadata(next)));
        return offsets;
    }

    /**
     * Returns the offsets to commit for some partitions, without forgetting them.
     */
    Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = pending.get(partition);
            if (next != null) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    /**
     * Forgets committed offsets, unless a later offset was marked done in between.
     */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, committed) -> pending.remove(partition, committed.offset()));
    }

    /**
     * Forgets every pending offset of partitions this consumer no longer owns.
     */
    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(pending::remove);
    }
}
