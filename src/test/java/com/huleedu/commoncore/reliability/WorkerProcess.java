package com.huleedu.commoncore.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ConsumerWorker} running in a child JVM on the test JVM's classpath. Surefire's
 * manifest-only jar works as {@code -cp} because the child follows its {@code Class-Path}.
 */
final class WorkerProcess {

    /** How the worker ended, for attributing duplicates. */
    enum Fate { RUNNING, KILLED, STOPPED }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    final String workerId;
    final Path evidenceFile;
    final Path logFile;
    private final Process process;
    private Fate fate = Fate.RUNNING;

    private WorkerProcess(String workerId, Path evidenceFile, Path logFile, Process process) {
        this.workerId = workerId;
        this.evidenceFile = evidenceFile;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts a worker whose evidence, log and console output go to files in {@code runDir}.
     *
     * @param workerArguments the arguments of {@link ConsumerWorker#main(String[])} after the
     *        worker id and evidence file: seed, failure rate, delay and password
     */
    static WorkerProcess start(Path runDir, Path logbackConfig, String bootstrap, String group, String topic,
            String workerId, List<String> workerArguments) throws IOException {
        Path evidenceFile = runDir.resolve("evidence-" + workerId + ".txt");
        Path logFile = runDir.resolve("worker-" + workerId + ".log");
        Path consoleFile = runDir.resolve("worker-" + workerId + ".out");
        Files.createFile(evidenceFile);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx192m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dlogback.configurationFile=" + logbackConfig);
        command.add("-Dworker.log.file=" + logFile);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ConsumerWorker.class.getName());
        command.add(bootstrap);
        command.add(group);
        command.add(topic);
        command.add(workerId);
        command.add(evidenceFile.toString());
        command.addAll(workerArguments);

        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(consoleFile.toFile()))
                .start();
        return new WorkerProcess(workerId, evidenceFile, logFile, process);
    }

    /** Ends the worker with SIGKILL and waits for its exit. */
    void kill() throws InterruptedException {
        fate = Fate.KILLED;
        process.destroyForcibly();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("worker " + workerId + " (pid " + process.pid()
                    + ") did not exit within " + STOP_TIMEOUT.toSeconds() + " s of SIGKILL");
        }
    }

    /**
     * Asks the worker to stop cleanly, which commits its done records and leaves the group, and
     * waits for its exit. A worker that does not exit in time is killed.
     *
     * @return whether it exited by itself in time
     */
    boolean stop() throws InterruptedException {
        fate = Fate.STOPPED;
        try {
            OutputStream input = process.getOutputStream();
            input.write("stop\n".getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            // The process has already ended and closed its input; waitFor below returns at once.
        }
        if (process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return true;
        }
        destroy();
        return false;
    }

    /** Kills the worker if it still runs; for cleanup in finally blocks. */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Fate fate() {
        return fate;
    }

    long pid() {
        return process.pid();
    }
}
