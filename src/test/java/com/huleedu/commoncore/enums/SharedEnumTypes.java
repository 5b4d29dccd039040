package com.huleedu.commoncore.enums;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Every {@link WireEnum} type in this package, with argument sources for parameterized tests. */
final class SharedEnumTypes {

    /** The enums listed in the reference file {@code enums.md}, in the order of that file. */
    static final List<Class<? extends WireEnum>> REFERENCE_ENUMS = List.of(
            ProcessingStage.class,
            EssayStatus.class,
            BatchStatus.class,
            BatchClientStatus.class,
            ProcessingStatus.class,
            SpellcheckJobStatus.class,
            ContentType.class,
            Language.class,
            CourseCode.class,
            ValidationStatus.class,
            OperationStatus.class,
            QueueStatus.class,
            CircuitBreakerState.class,
            CJBatchState.class,
            StudentAssociationStatus.class,
            EssayComparisonWinner.class);

    /** The reference enums and {@link ProcessingEvent}. */
    static final List<Class<? extends WireEnum>> ALL_ENUMS = Stream.concat(
            REFERENCE_ENUMS.stream(), Stream.of(ProcessingEvent.class)).toList();

    private SharedEnumTypes() {
    }

    static Stream<Class<? extends WireEnum>> allEnums() {
        return ALL_ENUMS.stream();
    }

    /** Returns one argument pair (enum class, constant) for every constant of every enum. */
    static Stream<Arguments> allConstants() {
        return ALL_ENUMS.stream()
                .flatMap(type -> Arrays.stream(type.getEnumConstants())
                        .map(constant -> Arguments.of(type, constant)));
    }
}
