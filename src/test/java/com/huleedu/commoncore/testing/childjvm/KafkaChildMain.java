package com.huleedu.commoncore.testing.childjvm;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the broker's child JVM: runs {@code kafka.Kafka} and halts the JVM when its
 * standard input reaches end of file.
 *
 * <p>The parent keeps the pipe to the child's standard input open for the child's lifetime. When
 * the parent JVM exits for any reason, SIGKILL included, the operating system closes the pipe and
 * this watchdog halts the broker, so that no orphaned broker keeps running.
 */
public final class KafkaChildMain {

    /** Exit status after the parent closed standard input. */
    static final int PARENT_GONE_STATUS = 3;

    private KafkaChildMain() {}

    /**
     * Starts the parent watchdog, then runs the broker.
     *
     * @param args arguments of {@code kafka.Kafka}: the path of {@code server.properties}
     */
    public static void main(String[] args) {
        Thread watchdog = new Thread(KafkaChildMain::haltWhenStdinCloses, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void haltWhenStdinCloses() {
        InputStream stdin = System.in;
        try {
            byte[] buffer = new byte[64];
            while (stdin.read(buffer) != -1) {
                // The parent never writes, so any bytes are ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone as well.
        }
        System.err.println("Parent JVM closed the broker's standard input; halting the broker");
        System.err.flush();
        Runtime.getRuntime().halt(PARENT_GONE_STATUS);
    }
}
