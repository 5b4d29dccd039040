package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Course that a batch of essays belongs to. The wire value equals the constant name.
 */
public enum CourseCode implements WireEnum {
    ENG5("ENG5"),
    ENG6("ENG6"),
    ENG7("ENG7"),
    SV1("SV1"),
    SV2("SV2"),
    SV3("SV3");

    private final String wireValue;

    CourseCode(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * Returns the exact string written to and read from JSON for this constant.
     *
     * @return the wire value, never {@code null}
     */
    @JsonValue
    @Override
    public String wireValue() {
        return wireValue;
    }

    /**
     * Looks up the constant whose wire value is {@code value}. Jackson calls this when it reads JSON.
     *
     * @param value the wire value, case-sensitive
     * @return the matching constant
     * @throws UnknownWireValueException if no constant has that wire value, or {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CourseCode fromWireValue(String value) {
        return WireEnums.fromWireValue(CourseCode.class, value);
    }
}
