package com.huleedu.commoncore.enums;

/**
 * An enum whose JSON form is a fixed wire value shared with the Python services.
 *
 * <p>The wire value is not always the lowercased constant name, so every constant states it.
 */
public interface WireEnum {

    /**
     * Returns the exact string written to and read from JSON for this constant.
     *
     * @return the wire value, never {@code null}
     */
    String wireValue();
}
