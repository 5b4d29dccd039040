package com.huleedu.commoncore.json;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads UUIDs as the Python services write them: any letter case, with or without hyphens.
 *
 * <p>Writing uses {@link UUID#toString()}, which is lowercase with hyphens. Unlike
 * {@link UUID#fromString(String)}, reading rejects short groups such as {@code 1-1-1-1-1}.
 */
public final class WireUuids {

    private static final int HEX_DIGITS = 32;
    private static final int CANONICAL_LENGTH = 36;

    private WireUuids() {
    }

    /**
     * Parses a UUID, returning empty when the text is not 32 hex digits in the canonical
     * 8-4-4-4-12 grouping or without hyphens.
     *
     * @param text the JSON string value
     * @return the UUID, or empty if the text is malformed
     */
    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String hex;
        if (text.length() == CANONICAL_LENGTH) {
            if (text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
                return Optional.empty();
            }
            hex = text.substring(0, 8) + text.substring(9, 13) + text.substring(14, 18)
                    + text.substring(19, 23) + text.substring(24);
        } else if (text.length() == HEX_DIGITS) {
            hex = text;
        } else {
            return Optional.empty();
        }
        long mostSignificant = 0;
        long leastSignificant = 0;
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = hex.charAt(i);
            int digit = c < 128 ? Character.digit(c, 16) : -1;
            if (digit < 0) {
                return Optional.empty();
            }
            if (i < 16) {
                mostSignificant = (mostSignificant << 4) | digit;
            } else {
                leastSignificant = (leastSignificant << 4) | digit;
            }
        }
        return Optional.of(new UUID(mostSignificant, leastSignificant));
    }
}
