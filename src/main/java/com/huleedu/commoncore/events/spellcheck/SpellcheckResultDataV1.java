package com.huleedu.commoncore.events.spellcheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huleedu.commoncore.enums.ContentType;
import com.huleedu.commoncore.enums.EssayStatus;
import com.huleedu.commoncore.enums.ProcessingEvent;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Payload of {@code huleedu.essay.spellcheck.completed.v1}: the outcome of spellchecking one
 * essay.
 *
 * <p>The corrected text itself is not carried: it is stored elsewhere and referenced by
 * {@code storage_references}, keyed by {@link ContentType}.
 *
 * @param eventName always {@link ProcessingEvent#ESSAY_SPELLCHECK_COMPLETED}, written as {@code event_name}
 * @param entityId id of the essay that was checked
 * @param status {@link EssayStatus#SPELLCHECKED_SUCCESS} or {@link EssayStatus#SPELLCHECK_FAILED}
 * @param correctionsMade number of corrections applied
 * @param wordCount number of words in the checked text
 * @param storageReferences storage ids of produced content, keyed by content type; empty when none
 * @param errorMessage why the check failed, or {@code null} on success; never essay text
 */
public record SpellcheckResultDataV1(
        @NotNull ProcessingEvent eventName,
        @NotBlank @Size(max = 200) String entityId,
        @NotNull EssayStatus status,
        @JsonProperty(required = true) @PositiveOrZero int correctionsMade,
        @JsonProperty(required = true) @PositiveOrZero int wordCount,
        @NotNull Map<ContentType, @NotBlank String> storageReferences,
        @Size(max = 1000) String errorMessage) {

    /**
     * Creates a result, applying the defaults for {@code event_name} and {@code storage_references}.
     */
    public SpellcheckResultDataV1 {
        eventName = eventName == null ? ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED : eventName;
        storageReferences = storageReferences == null || storageReferences.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(storageReferences));
    }

    /**
     * Creates a successful result.
     *
     * @param entityId the essay id
     * @param correctionsMade number of corrections
     * @param wordCount number of words
     * @return the result
     */
    public static SpellcheckResultDataV1 success(String entityId, int correctionsMade, int wordCount) {
        return new SpellcheckResultDataV1(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED, entityId,
                EssayStatus.SPELLCHECKED_SUCCESS, correctionsMade, wordCount, Map.of(), null);
    }

    /**
     * Checks that the status is a spellcheck outcome and that a failure carries an error message.
     *
     * @return {@code true} if the status and error message fit together
     */
    @JsonIgnore
    @AssertTrue(message = "status must be spellchecked_success, or spellcheck_failed with an error_message")
    public boolean isOutcomeConsistent() {
        if (status == EssayStatus.SPELLCHECKED_SUCCESS) {
            return true;
        }
        return status == EssayStatus.SPELLCHECK_FAILED && errorMessage != null && !errorMessage.isBlank();
    }

    /**
     * Checks that {@code event_name} is the spellcheck completion event.
     *
     * @return {@code true} if the event name is {@link ProcessingEvent#ESSAY_SPELLCHECK_COMPLETED}
     */
    @JsonIgnore
    @AssertTrue(message = "event_name must be essay.spellcheck.completed")
    public boolean isEventNameCorrect() {
        return eventName == ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED;
    }
}
