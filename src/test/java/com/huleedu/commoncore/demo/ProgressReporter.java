package com.huleedu.commoncore.demo;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints one progress line per second on a daemon thread until closed. The lines carry only
 * counts, never essay text.
 */
final class ProgressReporter implements AutoCloseable {

    private final PrintStream out;
    private final Supplier<String> counts;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "demo-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressReporter(PrintStream out, Supplier<String> counts) {
        this.out = out;
        this.counts = counts;
    }

    void start() {
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    /** Prints one line now, with the time since the reporter was created. */
    void print() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("[%6.1f s] %s%n", seconds, counts.get());
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
