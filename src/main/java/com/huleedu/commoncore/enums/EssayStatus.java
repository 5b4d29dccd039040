package com.huleedu.commoncore.enums;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Fine-grained status of one essay as it moves through ingestion and each processing phase.
 *
 * <p>Each {@code *_processing_in_progress} value has a constant named {@code *_IN_PROGRESS}, as in
 * the Python enum, for example {@link #NLP_IN_PROGRESS} for {@code nlp_processing_in_progress}.
 */
public enum EssayStatus implements WireEnum {
    UPLOADED("uploaded"),
    TEXT_EXTRACTED("text_extracted"),
    CONTENT_INGESTING("content_ingesting"),
    CONTENT_INGESTION_FAILED("content_ingestion_failed"),
    READY_FOR_PROCESSING("ready_for_processing"),
    AWAITING_SPELLCHECK("awaiting_spellcheck"),
    SPELLCHECKING_IN_PROGRESS("spellchecking_in_progress"),
    SPELLCHECKED_SUCCESS("spellchecked_success"),
    SPELLCHECK_FAILED("spellcheck_failed"),
    AWAITING_NLP("awaiting_nlp"),
    NLP_IN_PROGRESS("nlp_processing_in_progress"),
    NLP_SUCCESS("nlp_success"),
    NLP_FAILED("nlp_failed"),
    AWAITING_AI_FEEDBACK("awaiting_ai_feedback"),
    AI_FEEDBACK_IN_PROGRESS("ai_feedback_processing_in_progress"),
    AI_FEEDBACK_SUCCESS("ai_feedback_success"),
    AI_FEEDBACK_FAILED("ai_feedback_failed"),
    AWAITING_EDITOR_REVISION("awaiting_editor_revision"),
    EDITOR_REVISION_IN_PROGRESS("editor_revision_processing_in_progress"),
    EDITOR_REVISION_SUCCESS("editor_revision_success"),
    EDITOR_REVISION_FAILED("editor_revision_failed"),
    AWAITING_GRAMMAR_CHECK("awaiting_grammar_check"),
    GRAMMAR_CHECK_IN_PROGRESS("grammar_check_processing_in_progress"),
    GRAMMAR_CHECK_SUCCESS("grammar_check_success"),
    GRAMMAR_CHECK_FAILED("grammar_check_failed"),
    AWAITING_CJ_ASSESSMENT("awaiting_cj_assessment"),
    CJ_ASSESSMENT_IN_PROGRESS("cj_assessment_processing_in_progress"),
    CJ_ASSESSMENT_SUCCESS("cj_assessment_success"),
    CJ_ASSESSMENT_FAILED("cj_assessment_failed"),
    ALL_PROCESSING_COMPLETED("all_processing_completed"),
    ESSAY_CRITICAL_FAILURE("essay_critical_failure");

    private final String wireValue;

    EssayStatus(String wireValue) {
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
    public static EssayStatus fromWireValue(String value) {
        return WireEnums.fromWireValue(EssayStatus.class, value);
    }
}
