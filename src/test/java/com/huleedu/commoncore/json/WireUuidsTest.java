package com.huleedu.commoncore.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireUuidsTest {

    private static final UUID EXPECTED = UUID.fromString("5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c90");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c90", "5F0C7A52-1B2E-4C8D-9A41-3F6E2D7B8C90",
        "5f0c7a521b2e4c8d9a413f6e2d7b8c90", "5F0c7A521b2E4c8D9a413F6e2D7b8C90"})
    void parseAcceptsAnyCaseWithOrWithoutHyphens(String text) {
        assertThat(WireUuids.parse(text)).contains(EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "1-1-1-1-1", "5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c9", "5f0c7a52_1b2e_4c8d_9a41_3f6e2d7b8c90",
        "5f0c7a521b2e4c8d9a413f6e2d7b8c9g", "{5f0c7a52-1b2e-4c8d-9a41-3f6e2d7b8c90}", "5f0c7a521b2e4c8d9a413f6e2d7b8c9\u0663"})
    void parseRejectsMalformedText(String text) {
        assertThat(WireUuids.parse(text)).isEmpty();
    }
}
