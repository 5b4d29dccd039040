package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Internal status of a batch, from content validation to its final outcome.
 */
public enum BatchStatus implements WireEnum {
    AWAITING_CONTENT_VALIDATION("awaiting_content_validation"),
    CONTENT_INGESTION_FAILED("content_ingestion_failed"),
    AWAITING_PIPELINE_CONFIGURATION("awaiting_pipeline_configuration"),
    READY_FOR_PIPELINE_EXECUTION("ready_for_pipeline_execution"),
    PROCESSING_PIPELINES("processing_pipelines"),
    AWAITING_STUDENT_VALIDATION("awaiting_student_validation"),
    STUDENT_VALIDATION_COMPLETED("student_validation_completed"),
    VALIDATION_TIMEOUT_PROCESSED("validation_timeout_processed"),
    COMPLETED_SUCCESSFULLY("completed_successfully"),
    COMPLETED_WITH_FAILURES("completed_with_failures"),
    FAILED_CRITICALLY("failed_critically"),
    CANCELLED("cancelled");

    private final String wireValue;

    BatchStatus(String wireValue) {
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
    public static BatchStatus fromWireValue(String value) {
        return WireEnums.fromWireValue(BatchStatus.class, value);
    }
}
