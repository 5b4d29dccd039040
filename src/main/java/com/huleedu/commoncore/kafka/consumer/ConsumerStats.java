package com.huleedu.commoncore.kafka.consumer;

/**
 * Counts of what a consumer did since it started.
 *
 * @param handled records whose handler returned normally
 * @param retried failed attempts that were scheduled for a retry
 * @param deadLettered records written to a dead-letter topic
 * @param ignored records of unhandled event types skipped under {@code IGNORE}
 * @param deadLetterWriteFailures dead-letter writes that failed and will be tried again
 * @param commits successful offset commits
 * @param commitFailures offset commits that failed; each is tried again with the next commit
 */
public record ConsumerStats(long handled, long retried, long deadLettered, long ignored,
        long deadLetterWriteFailures, long commits, long commitFailures) {
}
