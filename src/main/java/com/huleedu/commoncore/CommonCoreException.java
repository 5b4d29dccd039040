package com.huleedu.commoncore;

import java.util.Objects;

/**
 * Root of every exception that common-core throws on purpose.
 *
 * <p>Unchecked, with a {@link FailureReason} to branch on. Messages name the field, the rule
 * and, where safe, the offending value, but never payload text: essay text is personal data
 * and exception messages end up in logs.
 */
public class CommonCoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;

    /**
     * Creates an exception with a reason and a message.
     *
     * @param reason the kind of failure
     * @param message what failed, where, and what to do; never payload text
     */
    public CommonCoreException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    /**
     * Creates an exception with a reason, a message and the underlying cause.
     *
     * @param reason the kind of failure
     * @param message what failed, where, and what to do; never payload text
     * @param cause the underlying exception, or {@code null}
     */
    public CommonCoreException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Returns the kind of failure.
     *
     * @return the reason, never {@code null}
     */
    public FailureReason reason() {
        return reason;
    }
}
