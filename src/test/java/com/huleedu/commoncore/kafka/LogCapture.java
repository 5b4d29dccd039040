package com.huleedu.commoncore.kafka;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Collects every log event of the test JVM, from all loggers and threads, while it is open.
 *
 * <p>logback-test.xml logs Kafka at WARN only. {@link #atDebug()} lowers the Kafka and
 * common-core loggers to DEBUG while the capture is open, so a test also captures Kafka's INFO
 * and DEBUG lines, such as the producer's configuration.
 */
final class LogCapture implements AutoCloseable {

    private static final List<String> VERBOSE_LOGGERS = List.of("org.apache.kafka", "com.huleedu");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

    /** Captures at the configured levels. */
    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    /** Captures with the Kafka and common-core loggers at DEBUG. */
    static LogCapture atDebug() {
        LogCapture capture = new LogCapture();
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            capture.previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        return capture;
    }

    /** Returns the captured events. */
    List<ILoggingEvent> events() {
        // AppenderBase.doAppend holds the appender's lock while it adds to the list.
        synchronized (appender) {
            return new ArrayList<>(appender.list);
        }
    }

    /** Returns every captured message with the class and message of each throwable in its cause chain. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events()) {
            text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
                    .append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append("  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        previousLevels.forEach(Logger::setLevel);
        root.detachAppender(appender);
        appender.stop();
    }
}
