package com.huleedu.commoncore.enums;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every enum's wire values against {@code reference/enums.md}, the list of values that the
 * Python services define.
 *
 * <p>The file has one {@code ## Name} section per enum, whose value list is a comma-separated
 * paragraph ending with a period, and a section of {@code - Name: values.} bullets.
 */
class ReferenceWireValuesTest {

    private static final String BULLET_SECTION = "Others used in payloads";
    private static final String EVENT_SECTION = "ProcessingEvent and topics";
    private static final Pattern STATED_COUNT = Pattern.compile("\\((\\d+) values\\)");
    private static final Pattern BULLET = Pattern.compile("^- ([A-Za-z]+)(?: \\([^)]*\\))?: (.+)\\.$");
    private static final Pattern TRAILING_REMARK = Pattern.compile("\\s*\\([^)]*\\)$");
    private static final String TERMINAL_PREFIX = "Terminal stages:";

    private static final Reference REFERENCE = parse(ReferenceFiles.readLines("enums.md"));

    /** Wire values per enum, in file order, with the count that a heading states if any. */
    private record Reference(Map<String, List<String>> values, Map<String, Integer> statedCounts, List<String> terminalStages) {
    }

    static Stream<Arguments> referenceEnums() {
        return SharedEnumTypes.REFERENCE_ENUMS.stream().map(Arguments::of);
    }

    @Test
    void referenceListsEveryJavaEnumInOrder() {
        List<String> javaNames = SharedEnumTypes.REFERENCE_ENUMS.stream().map(Class::getSimpleName).toList();

        assertThat(REFERENCE.values().keySet()).containsExactlyElementsOf(javaNames);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceEnums")
    void wireValuesMatchReference(Class<? extends WireEnum> type) {
        List<String> expected = REFERENCE.values().get(type.getSimpleName());
        List<String> actual = Arrays.stream(type.getEnumConstants()).map(WireEnum::wireValue).toList();

        assertThat(expected).as("values of %s in enums.md", type.getSimpleName()).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void essayStatusHasStatedCount() {
        assertThat(REFERENCE.statedCounts()).containsEntry("EssayStatus", 31);
        assertThat(EssayStatus.values()).hasSize(31);
    }

    @Test
    void statedCountsMatchLists() {
        REFERENCE.statedCounts().forEach((name, count) ->
                assertThat(REFERENCE.values().get(name)).as(name).hasSize(count));
    }

    @Test
    void terminalStagesMatchReference() {
        List<String> terminal = Arrays.stream(ProcessingStage.values())
                .filter(ProcessingStage::isTerminal)
                .map(ProcessingStage::wireValue)
                .toList();

        assertThat(REFERENCE.terminalStages()).containsExactly("completed", "failed", "cancelled");
        assertThat(terminal).containsExactlyElementsOf(REFERENCE.terminalStages());
    }

    private static Reference parse(List<String> lines) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Map<String, Integer> statedCounts = new LinkedHashMap<>();
        List<String> terminalStages = new ArrayList<>();
        String section = null;
        StringBuilder paragraph = new StringBuilder();

        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith("## ")) {
                section = text.substring(3);
                paragraph.setLength(0);
                if (section.equals(EVENT_SECTION)) {
                    break;
                }
                Matcher count = STATED_COUNT.matcher(section);
                if (count.find()) {
                    statedCounts.put(enumName(section), Integer.parseInt(count.group(1)));
                }
                continue;
            }
            if (section == null || text.isEmpty()) {
                continue;
            }

            if (section.equals(BULLET_SECTION)) {
                Matcher bullet = BULLET.matcher(text);
                if (bullet.matches()) {
                    values.put(bullet.group(1), splitValues(bullet.group(2)));
                }
            } else if (text.startsWith(TERMINAL_PREFIX)) {
                terminalStages.addAll(splitValues(text.substring(TERMINAL_PREFIX.length()).replaceAll("\\.$", "")));
            } else if (!values.containsKey(enumName(section))) {
                paragraph.append(text).append(' ');
                if (text.endsWith(".")) {
                    String list = paragraph.toString().strip();
                    values.put(enumName(section), splitValues(list.substring(0, list.length() - 1)));
                }
            }
        }
        return new Reference(values, statedCounts, terminalStages);
    }

    private static String enumName(String heading) {
        return heading.split(" ", 2)[0];
    }

    /** Splits {@code a, b, "c d" (remark)} into {@code [a, b, c d]}. */
    private static List<String> splitValues(String list) {
        String withoutRemark = TRAILING_REMARK.matcher(list.strip()).replaceAll("");
        List<String> result = new ArrayList<>();
        for (String item : withoutRemark.split(",")) {
            String value = item.strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            result.add(value);
        }
        return result;
    }
}
