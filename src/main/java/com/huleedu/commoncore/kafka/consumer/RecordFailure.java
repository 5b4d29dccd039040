package com.huleedu.commoncore.kafka.consumer;

import com.huleedu.commoncore.FailureReason;

/**
 * The cause of a dead-lettering, in the form written to the dead-letter headers.
 *
 * @param reason the failure reason
 * @param exceptionClass fully qualified class name of the exception
 * @param message short description without payload text
 * @param attempts attempts made so far
 */
record RecordFailure(FailureReason reason, String exceptionClass, String message, int attempts) {

    static RecordFailure of(FailureReason reason, Throwable failure, int attempts) {
        return new RecordFailure(reason, failure.getClass().getName(), String.valueOf(failure.getMessage()), attempts);
    }
}
