package com.huleedu.commoncore.testing;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Selection rule for the broker mode, kept free of I/O so that tests can cover every branch.
 *
 * <p>Stateless and thread-safe.
 */
public final class BrokerSelection {

    private BrokerSelection() {}

    /**
     * Selects the broker mode: an external cluster if {@code bootstrapServersEnv} is set, else a
     * container if Docker is available, else a child JVM.
     *
     * @param bootstrapServersEnv value of {@code KAFKA_BOOTSTRAP_SERVERS}, where {@code null} or
     *     blank means unset
     * @param dockerAvailable check for Docker, called only when the variable is unset because the
     *     check itself takes time
     * @return the selected mode
     */
    public static BrokerMode select(String bootstrapServersEnv, BooleanSupplier dockerAvailable) {
        return select(bootstrapServersEnv, null, dockerAvailable);
    }

    /**
     * Selects the broker mode as {@link #select(String, BooleanSupplier)} does, except that a
     * requested local mode replaces the Docker check. CI on a machine with Docker sets
     * {@code KAFKA_TEST_BROKER=child-jvm} so that the tests that need fault control run there too.
     *
     * @param bootstrapServersEnv value of {@code KAFKA_BOOTSTRAP_SERVERS}, where {@code null} or
     *     blank means unset
     * @param requestedModeEnv value of {@code KAFKA_TEST_BROKER}: {@code child-jvm}, {@code
     *     testcontainers}, or {@code null} or blank for the automatic choice
     * @param dockerAvailable check for Docker, called only when neither variable decides
     * @return the selected mode
     * @throws IllegalArgumentException if {@code requestedModeEnv} is not one of the values above
     */
    public static BrokerMode select(
            String bootstrapServersEnv, String requestedModeEnv, BooleanSupplier dockerAvailable) {
        Objects.requireNonNull(dockerAvailable, "dockerAvailable");
        if (bootstrapServersEnv != null && !bootstrapServersEnv.isBlank()) {
            return BrokerMode.EXTERNAL;
        }
        if (requestedModeEnv != null && !requestedModeEnv.isBlank()) {
            switch (requestedModeEnv.trim()) {
                case "child-jvm":
                    return BrokerMode.CHILD_JVM;
                case "testcontainers":
                    return BrokerMode.TESTCONTAINERS;
                default:
                    throw new IllegalArgumentException(
                            "KAFKA_TEST_BROKER is '"
                                    + requestedModeEnv
                                    + "', but must be child-jvm or testcontainers; unset it for"
                                    + " the automatic choice");
            }
        }
        if (dockerAvailable.getAsBoolean()) {
            return BrokerMode.TESTCONTAINERS;
        }
        return BrokerMode.CHILD_JVM;
    }
}
