package com.huleedu.commoncore.events.processing;

import com.huleedu.commoncore.enums.EssayStatus;
import com.huleedu.commoncore.enums.ProcessingStage;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Payload of {@code huleedu.essay.status.updated.v1}: an essay moved to a new processing status.
 *
 * @param essayId id of the essay
 * @param batchId id of the batch the essay belongs to, or {@code null}
 * @param status the new status
 * @param previousStatus the status before, or {@code null} if unknown
 * @param stage the stage of the processing step that changed the status
 * @param updatedAt when the status changed
 * @param errorMessage why processing failed, or {@code null}; never essay text
 */
public record EssayStatusUpdatedV1(
        @NotBlank @Size(max = 200) String essayId,
        @Size(max = 200) String batchId,
        @NotNull EssayStatus status,
        EssayStatus previousStatus,
        @NotNull ProcessingStage stage,
        @NotNull Instant updatedAt,
        @Size(max = 1000) String errorMessage) {

    /**
     * Creates the update, keeping whole microseconds of {@code updated_at}.
     */
    public EssayStatusUpdatedV1 {
        updatedAt = updatedAt == null ? null : updatedAt.truncatedTo(ChronoUnit.MICROS);
    }
}
