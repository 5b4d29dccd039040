package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.KafkaBrokers;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Runs the spellcheck flow end to end on a real Kafka broker in one command. A batch service
 * publishes spellcheck requests, and a spellcheck service consumes them and publishes results.
 * A third consumer matches the results to the requests, and bad records end in the dead-letter
 * topic. See {@link DemoOptions#USAGE} for the options and {@code docs/demo.md} for the output.
 *
 * <p>Without {@code --bootstrap-servers} or {@code KAFKA_BOOTSTRAP_SERVERS} the demo uses the
 * test harness's shared broker ({@link KafkaBrokers#shared()}), whose shutdown hook stops it
 * when the JVM exits.
 */
public final class SpellcheckDemo {

    /**
     * Creates the demo. It keeps no state between runs.
     */
    public SpellcheckDemo() {
    }

    /**
     * Runs the demo and ends the JVM with its exit code.
     *
     * <p>exec-maven-plugin 3.7.0 runs {@code exec:java} in the Maven JVM and by default
     * ({@code blockSystemExit=false}) lets {@link System#exit(int)} end that JVM, so the shell
     * gets this exit code. With {@code -Dexec.blockSystemExit=true} the plugin turns exit 0
     * into a normal return and any other code into a failed build.
     *
     * @param args the command-line arguments, see {@link DemoOptions#USAGE}
     */
    public static void main(String[] args) {
        int exitCode = new SpellcheckDemo().run(args, System.out, System.err);
        System.exit(exitCode);
    }

    /**
     * Runs the demo without ending the JVM.
     *
     * @param args the command-line arguments
     * @param out where progress and the summary go
     * @param err where usage and failure messages go
     * @return 0 when no record was lost and every offset was committed, 1 when a check failed,
     *         a wait timed out or the run broke off, 2 for a usage error
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getenv(), LocalDateTime.now());
        } catch (DemoOptions.UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println(DemoOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(DemoOptions.USAGE);
            return 0;
        }

        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        try {
            String brokerDescription;
            String bootstrapServers;
            if (options.bootstrapServers() != null) {
                bootstrapServers = options.bootstrapServers();
                brokerDescription = "existing cluster at " + bootstrapServers;
            } else {
                out.println("Starting the test harness's Kafka broker ...");
                KafkaBroker broker = KafkaBrokers.shared();
                bootstrapServers = broker.bootstrapServers();
                brokerDescription = "test broker " + broker.mode() + " at " + bootstrapServers;
            }
            DemoSummary summary = new DemoFlow(options, new DemoKafka(bootstrapServers), brokerDescription, runId, out)
                    .execute();
            summary.print(out);
            out.println("Output files in " + options.outDir().toAbsolutePath());
            for (String failure : summary.failures()) {
                err.println("FAILED: " + failure);
            }
            return summary.exitCode();
        } catch (Deadline.DemoTimeoutException e) {
            err.println("FAILED: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("FAILED: cannot write the output files in " + options.outDir().toAbsolutePath() + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("FAILED: the run broke off: " + e.getClass().getName() + ": " + e.getMessage());
            return 1;
        }
    }
}
