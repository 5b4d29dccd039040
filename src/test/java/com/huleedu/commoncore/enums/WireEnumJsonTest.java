package com.huleedu.commoncore.enums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huleedu.commoncore.FailureReason;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Jackson round trips and unknown-value errors for every shared enum, with a plain {@link ObjectMapper}. */
class WireEnumJsonTest {

    private static final int MAX_CAUSE_DEPTH = 20;

    private final ObjectMapper mapper = new ObjectMapper();

    @ParameterizedTest(name = "{1}")
    @MethodSource("com.huleedu.commoncore.enums.SharedEnumTypes#allConstants")
    void constantIsWrittenAsWireValue(Class<? extends WireEnum> type, WireEnum constant) throws JsonProcessingException {
        String json = mapper.writeValueAsString(constant);

        assertThat(json).isEqualTo(mapper.writeValueAsString(constant.wireValue()));
        assertThat(json).isEqualTo("\"" + constant.wireValue() + "\"");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("com.huleedu.commoncore.enums.SharedEnumTypes#allConstants")
    void constantIsReadFromWireValue(Class<? extends WireEnum> type, WireEnum constant) throws JsonProcessingException {
        String json = mapper.writeValueAsString(constant);

        Object readBack = mapper.readValue(json, type);

        assertThat(readBack).isSameAs(constant);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("com.huleedu.commoncore.enums.SharedEnumTypes#allConstants")
    void fromWireValueReturnsConstant(Class<? extends WireEnum> type, WireEnum constant) throws ReflectiveOperationException {
        Method factory = type.getMethod("fromWireValue", String.class);

        Object found = factory.invoke(null, constant.wireValue());

        assertThat(Modifier.isStatic(factory.getModifiers())).isTrue();
        assertThat(found).isSameAs(constant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.huleedu.commoncore.enums.SharedEnumTypes#allEnums")
    void unknownValueIsRejected(Class<? extends WireEnum> type) {
        Throwable thrown = catchThrowable(() -> mapper.readValue("\"nope\"", type));

        assertThat(thrown).isInstanceOf(JsonProcessingException.class);
        UnknownWireValueException unknown = findUnknownWireValue(thrown);
        assertThat(unknown.reason()).isEqualTo(FailureReason.INVALID_VALUE);
        assertThat(unknown.enumName()).isEqualTo(type.getSimpleName());
        assertThat(unknown.knownValues()).isEqualTo(WireEnums.wireValues(type));
        assertThat(unknown.getMessage()).contains(type.getSimpleName());
        assertThat(unknown.getMessage()).contains("'nope'");
        for (WireEnum constant : type.getEnumConstants()) {
            assertThat(unknown.getMessage()).contains(constant.wireValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.huleedu.commoncore.enums.SharedEnumTypes#allEnums")
    void constantNameIsRejectedWhereItDiffers(Class<? extends WireEnum> type) {
        for (WireEnum constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (name.equals(constant.wireValue())) {
                continue;
            }

            Throwable thrown = catchThrowable(() -> mapper.readValue("\"" + name + "\"", type));

            assertThat(findUnknownWireValue(thrown).enumName()).isEqualTo(type.getSimpleName());
        }
    }

    @Test
    void longUnknownValueIsCutInMessage() {
        String longValue = "x".repeat(64) + "Z".repeat(36);

        Throwable thrown = catchThrowable(() -> mapper.readValue("\"" + longValue + "\"", EssayStatus.class));

        String message = findUnknownWireValue(thrown).getMessage();
        assertThat(message).contains("'" + "x".repeat(64) + "...'");
        assertThat(message).doesNotContain("Z");
    }

    @Test
    void wireValueDiffersFromConstantName() {
        assertThat(EssayStatus.fromWireValue("nlp_processing_in_progress")).isSameAs(EssayStatus.NLP_IN_PROGRESS);
        assertThat(EssayComparisonWinner.fromWireValue("Essay A")).isSameAs(EssayComparisonWinner.ESSAY_A);
        assertThat(CJBatchState.fromWireValue("GENERATING_PAIRS")).isSameAs(CJBatchState.GENERATING_PAIRS);
    }

    @Test
    void wireValueLookupIsCaseSensitive() {
        Throwable thrown = catchThrowable(() -> Language.fromWireValue("EN"));

        assertThat(thrown).isInstanceOf(UnknownWireValueException.class);
    }

    /** Returns the first {@link UnknownWireValueException} among {@code thrown} and its causes, failing if none. */
    private static UnknownWireValueException findUnknownWireValue(Throwable thrown) {
        assertThat(thrown).as("exception from readValue").isNotNull();
        Throwable cause = thrown;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && cause != null; depth++) {
            if (cause instanceof UnknownWireValueException unknown) {
                return unknown;
            }
            cause = cause.getCause();
        }
        throw new AssertionError("no UnknownWireValueException in the cause chain of " + thrown, thrown);
    }
}
