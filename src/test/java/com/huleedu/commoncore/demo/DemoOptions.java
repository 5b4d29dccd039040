package com.huleedu.commoncore.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Command-line options of {@link SpellcheckDemo}, parsed and checked.
 *
 * @param count number of generated valid requests, unused when {@code inputDir} is set
 * @param inputDir directory whose {@code *.json} files are published instead of the generated set, or {@code null}
 * @param bootstrapServers an existing cluster's {@code bootstrap.servers}, or {@code null} to start the harness broker
 * @param outDir directory that receives the output files
 * @param timeout bound for the whole flow, from topic creation to the last result
 * @param failEvery every n-th first attempt of the handler fails before it publishes, or 0 for none
 * @param failAfterPublishEvery every n-th first attempt fails after it published its result, or 0 for none
 * @param help whether only the usage text was requested
 */
public record DemoOptions(int count, Path inputDir, String bootstrapServers, Path outDir, Duration timeout,
        int failEvery, int failAfterPublishEvery, boolean help) {

    /** Default number of generated requests. */
    public static final int DEFAULT_COUNT = 1000;
    /** Largest accepted {@code --count}. A run keeps every published record in memory. */
    public static final int MAX_COUNT = 1_000_000;
    /** Default {@code --timeout} in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;
    /** Default {@code --fail-every}. */
    public static final int DEFAULT_FAIL_EVERY = 50;
    /** Default {@code --fail-after-publish-every}. */
    public static final int DEFAULT_FAIL_AFTER_PUBLISH_EVERY = 200;

    /** Environment variable that names an existing cluster when {@code --bootstrap-servers} is absent. */
    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /** The usage text printed by {@code --help} and after a usage error. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: SpellcheckDemo [options]",
            "  (with Maven: ./mvnw -B test-compile exec:java@demo -Dexec.args=\"[options]\")",
            "",
            "Runs the spellcheck flow on a real Kafka broker: a batch service publishes spellcheck",
            "requests, a spellcheck service answers each with a result, and a checker matches the",
            "results to the requests. Bad records end in the requests topic's dead-letter topic.",
            "",
            "Options:",
            "  --count N                    generated valid requests, 1 to " + MAX_COUNT + " (default "
                    + DEFAULT_COUNT + "), plus " + RequestSamples.BAD_SAMPLE_COUNT + " bad samples",
            "  --input DIR                  publish every *.json file in DIR as one record, bytes unchanged",
            "                               and without headers, keyed by the file name without .json",
            "  --bootstrap-servers HOST:PORT  use this existing cluster (default: env " + BOOTSTRAP_SERVERS_ENV + ",",
            "                               else start a local test broker on 127.0.0.1)",
            "  --out DIR                    output directory (default target/demo-<timestamp>)",
            "  --timeout SECONDS            bound for the whole flow, 1 to 3600 (default " + DEFAULT_TIMEOUT_SECONDS + ")",
            "  --fail-every N               every N-th first handler attempt fails before publishing its",
            "                               result, 0 turns this off (default " + DEFAULT_FAIL_EVERY + ")",
            "  --fail-after-publish-every N  every N-th first handler attempt fails after publishing its",
            "                               result, which causes a duplicate result; 0 turns this off (default "
                    + DEFAULT_FAIL_AFTER_PUBLISH_EVERY + ")",
            "  -h, --help                   print this text and exit",
            "",
            "Options take their value as the next argument or after '=' (--count=200).",
            "Exit codes: 0 no record lost and all offsets committed, 1 failure or timeout, 2 usage error.");

    /**
     * Parses the arguments.
     *
     * @param args the command-line arguments
     * @param environment the process environment, read for {@value #BOOTSTRAP_SERVERS_ENV}
     * @param now the local time that names the default output directory
     * @return the options
     * @throws UsageException if an option is unknown, lacks its value or has an invalid one
     */
    public static DemoOptions parse(String[] args, Map<String, String> environment, LocalDateTime now) {
        Integer count = null;
        Path inputDir = null;
        String bootstrapServers = null;
        Path outDir = null;
        int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
        int failEvery = DEFAULT_FAIL_EVERY;
        int failAfterPublishEvery = DEFAULT_FAIL_AFTER_PUBLISH_EVERY;

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new DemoOptions(DEFAULT_COUNT, null, null, null, Duration.ofSeconds(timeoutSeconds),
                        failEvery, failAfterPublishEvery, true);
            }
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (!isKnown(name)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option " + name + " requires a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--count" -> count = parseInt(name, value, 1, MAX_COUNT);
                case "--input" -> inputDir = Path.of(value);
                case "--bootstrap-servers" -> bootstrapServers = requireText(name, value);
                case "--out" -> outDir = Path.of(requireText(name, value));
                case "--timeout" -> timeoutSeconds = parseInt(name, value, 1, 3600);
                case "--fail-every" -> failEvery = parseInt(name, value, 0, Integer.MAX_VALUE);
                case "--fail-after-publish-every" -> failAfterPublishEvery = parseInt(name, value, 0, Integer.MAX_VALUE);
                default -> throw new IllegalStateException("option " + name + " is known but not parsed");
            }
        }

        if (inputDir != null && count != null) {
            throw new UsageException("--count and --input exclude each other: --input publishes the files in DIR instead");
        }
        if (inputDir != null && !Files.isDirectory(inputDir)) {
            throw new UsageException("--input directory not found: " + inputDir.toAbsolutePath());
        }
        if (outDir != null && Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new UsageException("--out must name a directory, but " + outDir.toAbsolutePath() + " is a file");
        }
        if (bootstrapServers == null) {
            String fromEnvironment = environment.get(BOOTSTRAP_SERVERS_ENV);
            bootstrapServers = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.trim();
        }
        if (outDir == null) {
            outDir = Path.of("target", "demo-" + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new DemoOptions(count == null ? DEFAULT_COUNT : count, inputDir, bootstrapServers, outDir,
                Duration.ofSeconds(timeoutSeconds), failEvery, failAfterPublishEvery, false);
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "--count", "--input", "--bootstrap-servers", "--out", "--timeout", "--fail-every",
                    "--fail-after-publish-every" -> true;
            default -> false;
        };
    }

    private static int parseInt(String name, String value, int min, int max) {
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " requires a whole number, but was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException("option " + name + " must be between " + min + " and " + max + ", but was " + parsed);
        }
        return parsed;
    }

    private static String requireText(String name, String value) {
        if (value.isBlank()) {
            throw new UsageException("option " + name + " requires a non-blank value");
        }
        return value.trim();
    }

    /** A command line that cannot be run; the message names the option and the problem. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what is wrong with the command line
         */
        public UsageException(String message) {
            super(message);
        }
    }
}
