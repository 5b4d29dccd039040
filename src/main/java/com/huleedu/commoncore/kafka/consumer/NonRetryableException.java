package com.huleedu.commoncore.kafka.consumer;

/**
 * Thrown by a handler to send the record to the dead-letter topic without retrying, for
 * failures that another attempt cannot fix (a business rule rejects the event, say).
 *
 * <p>The message goes into a dead-letter header and the log: never put payload text in it.
 */
public class NonRetryableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the event is rejected; no payload text
     */
    public NonRetryableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message why the event is rejected; no payload text
     * @param cause the underlying exception
     */
    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
