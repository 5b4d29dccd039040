package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Stage of a processing step in a batch or essay pipeline.
 */
public enum ProcessingStage implements WireEnum {
    PENDING("pending"),
    INITIALIZED("initialized"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireValue;

    ProcessingStage(String wireValue) {
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
     * Tells whether no further stage follows this one.
     *
     * @return {@code true} for {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED}
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * Looks up the constant whose wire value is {@code value}. Jackson calls this when it reads JSON.
     *
     * @param value the wire value, case-sensitive
     * @return the matching constant
     * @throws UnknownWireValueException if no constant has that wire value, or {@code value} is {@code null}
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProcessingStage fromWireValue(String value) {
        return WireEnums.fromWireValue(ProcessingStage.class, value);
    }
}
