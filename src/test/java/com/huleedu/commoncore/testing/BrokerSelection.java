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
        Objects.requireNonNull(dockerAvailable, "dockerAvailable");
        if (bootstrapServersEnv != null && !bootstrapServersEnv.isBlank()) {
            return BrokerMode.EXTERNAL;
        }
        if (dockerAvailable.getAsBoolean()) {
            return BrokerMode.TESTCONTAINERS;
        }
        return BrokerMode.CHILD_JVM;
    }
}
