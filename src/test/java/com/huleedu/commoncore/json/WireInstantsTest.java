package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireInstantsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-03-14T09:26:53.589793Z      | 2026-03-14T09:26:53.589793Z",
        "2026-03-14T09:26:53.589793z      | 2026-03-14T09:26:53.589793Z",
        "2026-03-14t09:26:53.589793Z      | 2026-03-14T09:26:53.589793Z",
        "2026-03-14 09:26:53.589793       | 2026-03-14T09:26:53.589793Z",
        "2026-03-14T09:26:53.589793       | 2026-03-14T09:26:53.589793Z",
        "2026-03-14T09:26:53              | 2026-03-14T09:26:53Z",
        "2026-06-01T10:00:00.120000+02:00 | 2026-06-01T08:00:00.120Z",
        "2026-06-01T10:00:00.12+0200      | 2026-06-01T08:00:00.120Z",
        "2026-06-01T10:00:00+02           | 2026-06-01T08:00:00Z",
        "2026-06-01T04:30:00-03:30        | 2026-06-01T08:00:00Z",
        "2026-01-01T00:00:00.123456789Z   | 2026-01-01T00:00:00.123456789Z",
        "2026-01-01T00:00:00.1Z           | 2026-01-01T00:00:00.100Z",
    })
    void parseAcceptsPythonForms(String text, String expected) {
        assertThat(WireInstants.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "2026", "2026-03-14", "2026-03-14T09:26", "2026-13-14T09:26:53Z",
        "2026-03-14X09:26:53Z", "2026-03-14T09:26:53.1234567891Z", "2026-03-14T09:26:53+25:00",
        "1773480413", "2026-03-14T09:26:53Z trailing", "  2026-03-14T09:26:53Z"})
    void parseRejectsMalformedText(String text) {
        assertThat(WireInstants.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-03-14T09:26:53.589793Z    | 2026-03-14T09:26:53.589793Z",
        "2026-03-14T09:26:53.589793999Z | 2026-03-14T09:26:53.589793Z",
        "2026-03-14T09:26:53.120Z       | 2026-03-14T09:26:53.120Z",
        "2026-01-01T00:00:00Z           | 2026-01-01T00:00:00Z",
    })
    void formatWritesUtcWithAtMostSixDigits(String instant, String expected) {
        assertThat(WireInstants.format(Instant.parse(instant))).isEqualTo(expected);
    }
}
