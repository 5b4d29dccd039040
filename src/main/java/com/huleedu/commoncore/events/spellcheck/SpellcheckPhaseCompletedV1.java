package com.huleedu.commoncore.events.spellcheck;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.huleedu.commoncore.enums.BatchStatus;
import com.huleedu.commoncore.enums.ProcessingEvent;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Payload of {@code huleedu.batch.spellcheck.phase.completed.v1}: the spellcheck phase of a
 * batch has ended.
 *
 * @param eventName always {@link ProcessingEvent#SPELLCHECK_PHASE_COMPLETED}, written as {@code event_name}
 * @param batchId id of the batch
 * @param status the batch's status after the phase
 * @param totalEssays essays in the batch
 * @param successfulEssays essays spellchecked successfully
 * @param failedEssays essays whose spellcheck failed
 * @param completedAt when the phase ended
 */
public record SpellcheckPhaseCompletedV1(
        @NotNull ProcessingEvent eventName,
        @NotBlank @Size(max = 200) String batchId,
        @NotNull BatchStatus status,
        @JsonProperty(required = true) @PositiveOrZero int totalEssays,
        @JsonProperty(required = true) @PositiveOrZero int successfulEssays,
        @JsonProperty(required = true) @PositiveOrZero int failedEssays,
        @NotNull Instant completedAt) {

    /**
     * Creates the event, applying the default {@code event_name} and keeping whole microseconds.
     */
    public SpellcheckPhaseCompletedV1 {
        eventName = eventName == null ? ProcessingEvent.SPELLCHECK_PHASE_COMPLETED : eventName;
        completedAt = completedAt == null ? null : completedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Checks that successful and failed essays add up to at most the total.
     *
     * @return {@code true} if the counts fit
     */
    @JsonIgnore
    @AssertTrue(message = "successful_essays + failed_essays must not exceed total_essays")
    public boolean isCountConsistent() {
        return (long) successfulEssays + failedEssays <= totalEssays;
    }

    /**
     * Checks that {@code event_name} is the phase completion event.
     *
     * @return {@code true} if the event name is {@link ProcessingEvent#SPELLCHECK_PHASE_COMPLETED}
     */
    @JsonIgnore
    @AssertTrue(message = "event_name must be spellcheck.phase.completed")
    public boolean isEventNameCorrect() {
        return eventName == ProcessingEvent.SPELLCHECK_PHASE_COMPLETED;
    }
}
