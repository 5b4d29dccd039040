package com.huleedu.commoncore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellcheckServiceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "one|1|0",
        "'  '|0|0",
        "the the cat|3|1",
        "The the cat sat sat sat.|6|3",
        "Ends here. Here it goes|5|0",
        "word, word; (word)|3|2",
        "Ärlig ärlig text|3|1",
        "x\tx  y|3|1",
    })
    void countsWordsAndRepeats(String text, int words, int repeated) {
        assertThat(SpellcheckService.countWords(text)).as("words").isEqualTo(words);
        assertThat(SpellcheckService.countRepeatedWords(text)).as("repeated words").isEqualTo(repeated);
    }
}
