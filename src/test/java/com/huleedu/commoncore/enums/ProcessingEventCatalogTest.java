package com.huleedu.commoncore.enums;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huleedu.commoncore.CommonCoreException;
import com.huleedu.commoncore.FailureReason;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@link ProcessingEvent} against {@code reference/huleedu-topics.tsv}: one row per event with
 * the constant name, the event name, the topic, and whether the topic follows
 * {@code huleedu.<event name>.v1} ({@code ok}) or not ({@code DEVIATES}).
 */
class ProcessingEventCatalogTest {

    private static final String HEADER = "member\tvalue\ttopic\trule_huleedu.<value>.v1";
    private static final String NO_TOPIC_MARK = "(UNMAPPED";
    private static final List<ProcessingEvent> WITHOUT_TOPIC = List.of(
            ProcessingEvent.ESSAY_AIFEEDBACK_COMPLETED, ProcessingEvent.ESSAY_EDITOR_REVISION_COMPLETED);

    /** One line of the topic table. */
    record Row(String member, String eventName, String topic, String rule) {

        boolean hasTopic() {
            return !topic.startsWith(NO_TOPIC_MARK);
        }

        @Override
        public String toString() {
            return member;
        }
    }

    static List<Row> rows() {
        List<String> lines = ReferenceFiles.readLines("huleedu-topics.tsv");
        assertThat(lines.get(0)).isEqualTo(HEADER);
        return lines.stream().skip(1).map(line -> {
            String[] columns = line.split("\t", -1);
            assertThat(columns).as("columns of %s", line).hasSize(4);
            return new Row(columns[0], columns[1], columns[2], columns[3]);
        }).toList();
    }

    static Stream<Row> rowsWithTopic() {
        return rows().stream().filter(Row::hasTopic);
    }

    @Test
    void catalogHasEveryRowInOrder() {
        List<String> members = rows().stream().map(Row::member).toList();

        assertThat(members).hasSize(73);
        assertThat(Arrays.stream(ProcessingEvent.values()).map(Enum::name)).containsExactlyElementsOf(members);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eventMatchesRow(Row row) {
        ProcessingEvent event = ProcessingEvent.valueOf(row.member());

        assertThat(event.eventName()).isEqualTo(row.eventName());
        assertThat(event.wireValue()).isEqualTo(row.eventName());
        assertThat(event.hasTopic()).isEqualTo(row.hasTopic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithTopic")
    void topicMatchesRow(Row row) {
        ProcessingEvent event = ProcessingEvent.valueOf(row.member());

        assertThat(event.topic()).isEqualTo(row.topic());
        assertThat(event.findTopic()).contains(row.topic());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithTopic")
    void ruleColumnMatchesTopic(Row row) {
        String conventional = "huleedu." + row.eventName() + ".v1";
        ProcessingEvent event = ProcessingEvent.valueOf(row.member());

        assertThat(row.rule()).isIn("ok", "DEVIATES");
        if (row.rule().equals("ok")) {
            assertThat(event.topic()).isEqualTo(conventional);
        } else {
            assertThat(event.topic()).isNotEqualTo(conventional);
        }
    }

    @Test
    void twentyEightTopicsDeviate() {
        long deviating = rows().stream().filter(row -> row.rule().equals("DEVIATES")).count();
        long computedMismatch = Arrays.stream(ProcessingEvent.values())
                .filter(ProcessingEvent::hasTopic)
                .filter(event -> !event.topic().equals("huleedu." + event.eventName() + ".v1"))
                .count();

        assertThat(deviating).isEqualTo(28);
        assertThat(computedMismatch).isEqualTo(28);
    }

    @Test
    void twoEventsHaveNoTopic() {
        List<Row> withoutTopic = rows().stream().filter(row -> !row.hasTopic()).toList();

        assertThat(withoutTopic).extracting(Row::member)
                .containsExactly("ESSAY_AIFEEDBACK_COMPLETED", "ESSAY_EDITOR_REVISION_COMPLETED");
        assertThat(withoutTopic).extracting(Row::rule).containsOnly("-");
        assertThat(ProcessingEvent.values()).filteredOn(event -> !event.hasTopic())
                .containsExactlyElementsOf(WITHOUT_TOPIC);
    }

    @ParameterizedTest
    @EnumSource(value = ProcessingEvent.class, names = {"ESSAY_AIFEEDBACK_COMPLETED", "ESSAY_EDITOR_REVISION_COMPLETED"})
    void topicOfTopiclessEventThrows(ProcessingEvent event) {
        assertThat(event.hasTopic()).isFalse();
        assertThat(event.findTopic()).isEmpty();
        assertThatThrownBy(event::topic)
                .isInstanceOf(CommonCoreException.class)
                .hasMessageContaining(event.eventName())
                .hasMessageContaining(event.name())
                .hasMessageContaining("no topic is defined")
                .extracting(thrown -> ((CommonCoreException) thrown).reason())
                .isEqualTo(FailureReason.NO_TOPIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithTopic")
    void fromTopicRoundTrips(Row row) {
        ProcessingEvent event = ProcessingEvent.valueOf(row.member());

        assertThat(ProcessingEvent.fromTopic(row.topic())).contains(event);
        assertThat(ProcessingEvent.fromTopic(event.topic())).contains(event);
    }

    @Test
    void fromTopicOfUnknownTopicIsEmpty() {
        assertThat(ProcessingEvent.fromTopic("huleedu.unknown.v1")).isEmpty();
        assertThat(ProcessingEvent.fromTopic("huleedu.essay.aifeedback.completed.v1")).isEmpty();
    }

    @Test
    void fromTopicIsCaseSensitiveExactMatch() {
        assertThat(ProcessingEvent.fromTopic("huleedu.essay.spellcheck.requested.v1"))
                .contains(ProcessingEvent.ESSAY_SPELLCHECK_REQUESTED);
        assertThat(ProcessingEvent.fromTopic("HULEEDU.ESSAY.SPELLCHECK.REQUESTED.V1")).isEmpty();
        assertThat(ProcessingEvent.fromTopic(" huleedu.essay.spellcheck.requested.v1")).isEmpty();
    }
}
