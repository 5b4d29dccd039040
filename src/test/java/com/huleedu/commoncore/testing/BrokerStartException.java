package com.huleedu.commoncore.testing;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Unchecked exception for a test broker that failed to start or to become ready in time.
 *
 * <p>The message names the cause, the last lines of the broker's log and what to check.
 */
public class BrokerStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path logFile;

    /**
     * Creates the exception.
     *
     * @param message complete message, including the log lines
     * @param logFile the broker's log file, or {@code null} if the mode has none
     * @param cause underlying error, or {@code null}
     */
    public BrokerStartException(String message, Path logFile, Throwable cause) {
        super(message, cause);
        this.logFile = logFile;
    }

    /**
     * Returns the broker's log file, kept after the failure for diagnosis.
     *
     * @return the log file, or empty if the mode writes none
     */
    public Optional<Path> logFile() {
        return Optional.ofNullable(logFile);
    }
}
