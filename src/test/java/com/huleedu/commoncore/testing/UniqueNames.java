package com.huleedu.commoncore.testing;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generator of unique topic names and consumer group ids, so that tests sharing one broker never
 * see each other's records or offsets.
 *
 * <p>Stateless and thread-safe.
 */
public final class UniqueNames {

    /** Characters that Kafka allows in topic names; group ids use the same set here. */
    private static final Pattern LEGAL_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    private UniqueNames() {}

    /**
     * Returns a new topic name of the form {@code prefix-<12 hex digits>}.
     *
     * @param prefix readable part, 1 to 200 characters from {@code [a-zA-Z0-9._-]}
     * @return a topic name that no earlier call returned, with high probability
     * @throws IllegalArgumentException if the prefix is empty, too long or has other characters
     */
    public static String topic(String prefix) {
        return withSuffix(prefix);
    }

    /**
     * Returns a new consumer group id of the form {@code prefix-<12 hex digits>}.
     *
     * @param prefix readable part, 1 to 200 characters from {@code [a-zA-Z0-9._-]}
     * @return a group id that no earlier call returned, with high probability
     * @throws IllegalArgumentException if the prefix is empty, too long or has other characters
     */
    public static String groupId(String prefix) {
        return withSuffix(prefix);
    }

    private static String withSuffix(String prefix) {
        if (prefix == null || !LEGAL_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "Invalid name prefix '"
                            + prefix
                            + "': use 1 to 200 characters from [a-zA-Z0-9._-]");
        }
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return prefix + "-" + random;
    }
}
