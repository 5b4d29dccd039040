package com.huleedu.commoncore.enums;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.List;

/**
 * Thrown when a string is not a wire value of the expected enum.
 *
 * <p>The message names the enum, the rejected value (cut to 64 characters) and every known
 * value. The codec adds the JSON path of the field.
 */
public final class UnknownWireValueException extends CommonCoreException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_CHARS = 64;

    private final String enumName;
    private final List<String> knownValues;

    UnknownWireValueException(Class<?> enumType, String value, List<String> knownValues) {
        super(FailureReason.INVALID_VALUE, "unknown " + enumType.getSimpleName() + " value "
                + quote(value) + ", expected one of " + knownValues);
        this.enumName = enumType.getSimpleName();
        this.knownValues = List.copyOf(knownValues);
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) + "..." : value;
        return "'" + shown + "'";
    }

    /**
     * Returns the simple name of the enum that rejected the value.
     *
     * @return the enum's simple class name
     */
    public String enumName() {
        return enumName;
    }

    /**
     * Returns the wire values the enum accepts, in declaration order.
     *
     * @return an immutable list of wire values
     */
    public List<String> knownValues() {
        return knownValues;
    }
}
