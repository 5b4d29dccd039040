package com.huleedu.commoncore.json;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;

/**
 * Thrown when an envelope cannot be encoded: Jackson failed, a number is not finite, or the
 * encoded event is over the size limit.
 */
public final class EventEncodingException extends CommonCoreException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason {@link FailureReason#ENCODING_FAILED} or {@link FailureReason#TOO_LARGE}
     * @param message what was wrong and what to do; never payload text
     * @param cause the underlying exception, or {@code null}
     */
    public EventEncodingException(FailureReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
