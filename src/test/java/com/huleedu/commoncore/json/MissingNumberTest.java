package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventFactory;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckResultDataV1;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A required number that is absent or {@code null} must not silently become 0.
 */
class MissingNumberTest {

    private static final EventCodec CODEC = EventCodec.withDefaults();
    private static final EventFactory FACTORY = EventFactory.forService("spellcheck-service", EventTypeRegistry.withDefaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "absent | \"corrections_made\":4,       | ''",
        "null   | \"corrections_made\":4,       | \"corrections_made\":null,",
    })
    void requiredNumberIsMissingField(String name, String original, String replacement) {
        String json = new String(CODEC.encode(FACTORY.create(SpellcheckResultDataV1.success("essay-1", 4, 9))), StandardCharsets.UTF_8);
        String broken = json.replace(original.strip(), replacement.strip());

        assertThatThrownBy(() -> CODEC.decode(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(FailureReason.MISSING_FIELD);
                    org.assertj.core.api.Assertions.assertThat(e.path()).isEqualTo("data.corrections_made");
                });
    }
}
