package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a comparative judgement (CJ) assessment batch. The wire values are uppercase.
 */
public enum CJBatchState implements WireEnum {
    INITIALIZING("INITIALIZING"),
    GENERATING_PAIRS("GENERATING_PAIRS"),
    WAITING_CALLBACKS("WAITING_CALLBACKS"),
    SCORING("SCORING"),
    COMPLETED("COMPLETED"),
    FAILED("FAILED"),
    CANCELLED("CANCELLED");

    private final String wireValue;

    CJBatchState(String wireValue) {
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
    public static CJBatchState fromWireValue(String value) {
        return WireEnums.fromWireValue(CJBatchState.class, value);
    }
}
