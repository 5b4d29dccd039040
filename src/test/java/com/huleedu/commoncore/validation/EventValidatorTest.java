package com.huleedu.commoncore.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.enums.BatchStatus;
import com.huleedu.commoncore.enums.ContentType;
import com.huleedu.commoncore.enums.EssayStatus;
import com.huleedu.commoncore.enums.ProcessingEvent;
import com.huleedu.commoncore.enums.ProcessingStage;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.processing.EssayStatusUpdatedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckPhaseCompletedV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class EventValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589793Z");
    private static final String LONG_ID = "essay-" + "x".repeat(200);
    private static final EventValidator VALIDATOR = EventValidator.shared();

    /** A service-defined payload with nested beans in a list, to check element paths. */
    record GradeBatchV1(@Valid List<Grade> grades) {
        record Grade(@NotBlank String essayId) {
        }
    }

    static Stream<Object> invalidPayloads() {
        Map<ContentType, String> blankReference = new EnumMap<>(ContentType.class);
        blankReference.put(ContentType.CORRECTED_TEXT, " ");
        return Stream.of(
                SpellcheckRequestedDataV1.of(" ", "en_US"),
                SpellcheckRequestedDataV1.of("x".repeat(SpellcheckRequestedDataV1.MAX_TEXT_LENGTH + 1)),
                new SpellcheckResultDataV1(null, LONG_ID, EssayStatus.NLP_SUCCESS, -1, -2, blankReference, "e".repeat(1001)),
                new SpellcheckPhaseCompletedV1(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED, "", null, 1, 1, 1, null),
                new EssayStatusUpdatedV1(LONG_ID, LONG_ID, null, null, null, null, "e".repeat(1001)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPayloads")
    void messagesAreFullyInterpolated(Object payload) {
        List<Violation> violations = VALIDATOR.violationsOf(payload);

        assertThat(violations).isNotEmpty();
        assertThat(violations).allSatisfy(violation -> {
            assertThat(violation.message()).doesNotContain("{");
            assertThat(violation.message()).doesNotContain("}");
            assertThat(violation.message()).doesNotContain("xxxxx");
            assertThat(violation.message()).doesNotContain("eeeee");
        });
    }

    @Test
    void sizeMessageShowsItsMax() {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, LONG_ID, EssayStatus.SPELLCHECKED_SUCCESS,
                0, 0, null, "e".repeat(1001));

        List<Violation> violations = VALIDATOR.violationsOf(result);

        assertThat(violations).extracting(Violation::path).containsExactly("data.entity_id", "data.error_message");
        assertThat(violations.get(0).message()).isEqualTo("size must be between 0 and 200");
        assertThat(violations.get(1).message()).isEqualTo("size must be between 0 and 1000");
    }

    @Test
    void textOverMaxLengthIsInvalid() {
        List<Violation> violations = VALIDATOR.violationsOf(
                SpellcheckRequestedDataV1.of("x".repeat(SpellcheckRequestedDataV1.MAX_TEXT_LENGTH + 1)));

        assertThat(violations).extracting(Violation::path).containsExactly("data.text");
        assertThat(violations.get(0).message()).isEqualTo("size must be between 0 and 300000");
    }

    @Test
    void pathsUseSnakeCaseJsonKeys() {
        List<Violation> violations = VALIDATOR.violationsOf(new EssayStatusUpdatedV1(" ", null, null, null, null, null, null));

        assertThat(violations).extracting(Violation::path)
                .containsExactly("data.essay_id", "data.stage", "data.status", "data.updated_at");
    }

    @Test
    void enumMapValuePathUsesWireKey() {
        Map<ContentType, String> references = new EnumMap<>(ContentType.class);
        references.put(ContentType.CORRECTED_TEXT, " ");
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, "essay-1", EssayStatus.SPELLCHECKED_SUCCESS,
                0, 0, references, null);

        List<Violation> violations = VALIDATOR.violationsOf(result);

        assertThat(violations).extracting(Violation::path).containsExactly("data.storage_references.corrected_text");
        assertThat(violations).extracting(Violation::constraint).containsExactly("NotBlank");
    }

    @Test
    void listElementPathUsesIndex() {
        GradeBatchV1 batch = new GradeBatchV1(List.of(new GradeBatchV1.Grade("essay-1"), new GradeBatchV1.Grade("")));

        List<Violation> violations = VALIDATOR.violationsOf(batch);

        assertThat(violations).extracting(Violation::path).containsExactly("data.grades[1].essay_id");
    }

    @Test
    void failedResultNeedsErrorMessage() {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, "essay-1", EssayStatus.SPELLCHECK_FAILED, 0, 0, null, " ");

        List<Violation> violations = VALIDATOR.violationsOf(result);

        assertThat(violations).extracting(Violation::path).containsExactly("data");
        assertThat(violations).extracting(Violation::constraint).containsExactly("AssertTrue");
        assertThat(violations.get(0).message())
                .isEqualTo("status must be spellchecked_success, or spellcheck_failed with an error_message");
    }

    @Test
    void failedResultWithErrorMessageIsValid() {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, "essay-1", EssayStatus.SPELLCHECK_FAILED, 0, 0,
                null, "dictionary service timed out");

        assertThat(VALIDATOR.violationsOf(result)).isEmpty();
    }

    @Test
    void resultWithOtherStatusIsInvalid() {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(null, "essay-1", EssayStatus.NLP_SUCCESS, 0, 0, null, null);

        List<Violation> violations = VALIDATOR.violationsOf(result);

        assertThat(violations).extracting(Violation::path).containsExactly("data");
        assertThat(violations).extracting(Violation::constraint).containsExactly("AssertTrue");
    }

    @Test
    void resultWithWrongEventNameIsInvalid() {
        SpellcheckResultDataV1 result = new SpellcheckResultDataV1(ProcessingEvent.SPELLCHECK_PHASE_COMPLETED, "essay-1",
                EssayStatus.SPELLCHECKED_SUCCESS, 0, 0, null, null);

        List<Violation> violations = VALIDATOR.violationsOf(result);

        assertThat(violations).extracting(Violation::message).containsExactly("event_name must be essay.spellcheck.completed");
        assertThat(violations).extracting(Violation::path).containsExactly("data");
    }

    @Test
    void phaseCountsMustFitTotal() {
        SpellcheckPhaseCompletedV1 phase = new SpellcheckPhaseCompletedV1(null, "batch-7", BatchStatus.COMPLETED_WITH_FAILURES,
                10, 8, 3, NOW);

        List<Violation> violations = VALIDATOR.violationsOf(phase);

        assertThat(violations).extracting(Violation::path).containsExactly("data");
        assertThat(violations).extracting(Violation::message)
                .containsExactly("successful_essays + failed_essays must not exceed total_essays");
    }

    @Test
    void phaseCountsAtTotalAreValid() {
        SpellcheckPhaseCompletedV1 phase = new SpellcheckPhaseCompletedV1(null, "batch-7", BatchStatus.COMPLETED_WITH_FAILURES,
                10, 8, 2, NOW);

        assertThat(VALIDATOR.violationsOf(phase)).isEmpty();
    }

    @Test
    void phaseCountsDoNotOverflow() {
        SpellcheckPhaseCompletedV1 phase = new SpellcheckPhaseCompletedV1(null, "batch-7", BatchStatus.COMPLETED_WITH_FAILURES,
                10, Integer.MAX_VALUE, Integer.MAX_VALUE, NOW);

        assertThat(VALIDATOR.violationsOf(phase)).extracting(Violation::constraint).containsExactly("AssertTrue");
    }

    @Test
    void phaseWithWrongEventNameIsInvalid() {
        SpellcheckPhaseCompletedV1 phase = new SpellcheckPhaseCompletedV1(ProcessingEvent.ESSAY_SPELLCHECK_COMPLETED,
                "batch-7", BatchStatus.COMPLETED_SUCCESSFULLY, 1, 1, 0, NOW);

        List<Violation> violations = VALIDATOR.violationsOf(phase);

        assertThat(violations).extracting(Violation::message).containsExactly("event_name must be spellcheck.phase.completed");
        assertThat(violations).extracting(Violation::path).containsExactly("data");
    }

    @Test
    void validateThrowsWithEveryViolation() {
        EventEnvelope<SpellcheckRequestedDataV1> envelope = new EventEnvelope<>(UUID.randomUUID(),
                "huleedu.essay.spellcheck.requested.v1", "batch-service", NOW, UUID.randomUUID(),
                SpellcheckRequestedDataV1.of(" ", "en_US"), null);

        EventValidationException e = catchThrowableOfType(EventValidationException.class, () -> VALIDATOR.validate(envelope));

        assertThat(e.reason()).isEqualTo(FailureReason.INVALID_PAYLOAD);
        assertThat(e.eventType()).isEqualTo("huleedu.essay.spellcheck.requested.v1");
        assertThat(e.violations()).extracting(Violation::path).containsExactly("data.language", "data.text");
        assertThat(e.getMessage()).isEqualTo("invalid payload for event type huleedu.essay.spellcheck.requested.v1: "
                + "data.language: must be a well-formed BCP 47 language tag such as en-US (LanguageTag); "
                + "data.text: must not be blank (NotBlank)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en-US", "sv-SE", "zh-Hant-TW", "en", "sv", "es-419", "de-CH-1996", "EN-us",
        "en-US-x-abcdefgh-abcdefgh-abcdefg-a"})
    void languageTagAccepted(String tag) {
        assertThat(tag.length()).isLessThanOrEqualTo(35);
        assertThat(VALIDATOR.violationsOf(SpellcheckRequestedDataV1.of("Text", tag))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", "en_US", "not a tag", "en-", "-en", "e", "en--US", "toolonglanguage",
        "en-US-x-abcdefgh-abcdefgh-abcdefgh-a", "en-US-x-abcdefgh-abcdefgh-abcdefgh-abcdefgh"})
    void languageTagRejected(String tag) {
        List<Violation> violations = VALIDATOR.violationsOf(SpellcheckRequestedDataV1.of("Text", tag));

        assertThat(violations).extracting(Violation::path).containsExactly("data.language");
        assertThat(violations).extracting(Violation::constraint).containsExactly("LanguageTag");
    }

    @Test
    void languageTagLengthLimitIs35() {
        String longest = "en-US-x-abcdefgh-abcdefgh-abcdefg-a";
        String tooLong = "en-US-x-abcdefgh-abcdefgh-abcdefgh-a";

        assertThat(longest).hasSize(35);
        assertThat(tooLong).hasSize(36);
        assertThat(new Locale.Builder().setLanguageTag(tooLong).build().toLanguageTag()).isEqualTo(tooLong);
        assertThat(VALIDATOR.violationsOf(SpellcheckRequestedDataV1.of("Text", longest))).isEmpty();
        assertThat(VALIDATOR.violationsOf(SpellcheckRequestedDataV1.of("Text", tooLong))).hasSize(1);
    }

    @Test
    void nullLanguageTagIsValidOnItsOwn() {
        LanguageTagValidator validator = new LanguageTagValidator();

        assertThat(validator.isValid(null, null)).isTrue();
    }

    @Test
    void bootstrapLogsNoExpressionLanguageWarning() throws ReflectiveOperationException {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger hibernate = (Logger) LoggerFactory.getLogger("org.hibernate.validator");
        Level previousLevel = hibernate.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        hibernate.setLevel(Level.DEBUG);
        try {
            Constructor<EventValidator> constructor = EventValidator.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            EventValidator fresh = constructor.newInstance();
            fresh.violationsOf(SpellcheckRequestedDataV1.of(" "));
        } finally {
            hibernate.setLevel(previousLevel);
            root.detachAppender(appender);
            appender.stop();
        }

        List<ILoggingEvent> fromHibernate = appender.list.stream()
                .filter(event -> event.getLoggerName().startsWith("org.hibernate.validator"))
                .toList();
        // The DEBUG lines prove that Hibernate Validator's logging reaches logback in this JVM.
        assertThat(fromHibernate).isNotEmpty();
        assertThat(fromHibernate).noneMatch(event -> event.getFormattedMessage().contains("HV000183"));
        assertThat(fromHibernate).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }
}
