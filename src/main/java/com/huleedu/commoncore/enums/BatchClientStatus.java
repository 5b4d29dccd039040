package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Coarse status of a batch as shown to clients.
 */
public enum BatchClientStatus implements WireEnum {
    PENDING_CONTENT("pending_content"),
    READY("ready"),
    PROCESSING("processing"),
    COMPLETED_SUCCESSFULLY("completed_successfully"),
    COMPLETED_WITH_FAILURES("completed_with_failures"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireValue;

    BatchClientStatus(String wireValue) {
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
    public static BatchClientStatus fromWireValue(String value) {
        return WireEnums.fromWireValue(BatchClientStatus.class, value);
    }
}
