package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.kafka.consumer.ConsumerSettings;

/**
 * Topic and group names of one demo run. Every name contains the run id, so runs on the same
 * cluster never share records or offsets.
 *
 * @param runId the run id, such as {@code 20260314-092653-3f9a1c}
 * @param requests the topic of the spellcheck requests
 * @param results the topic of the spellcheck results
 * @param spellcheckGroup the consumer group of the spellcheck service
 * @param checkerGroup the consumer group of the results checker
 */
record DemoTopics(String runId, String requests, String results, String spellcheckGroup, String checkerGroup) {

    /** Derives every name from the run id. */
    static DemoTopics forRun(String runId) {
        String prefix = "demo." + runId;
        return new DemoTopics(runId, prefix + ".essay.spellcheck.requested.v1", prefix + ".essay.spellcheck.completed.v1",
                prefix + ".spellcheck-service", prefix + ".results-checker");
    }

    String requestsDeadLetter() {
        return requests + ConsumerSettings.DEFAULT_DEAD_LETTER_SUFFIX;
    }

    String resultsDeadLetter() {
        return results + ConsumerSettings.DEFAULT_DEAD_LETTER_SUFFIX;
    }
}
