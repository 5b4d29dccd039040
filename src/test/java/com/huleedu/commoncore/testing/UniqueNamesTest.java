package com.huleedu.commoncore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void topicNamesDiffer() {
        String first = UniqueNames.topic("orders");
        String second = UniqueNames.topic("orders");

        assertThat(first).matches("orders-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void groupIdKeepsPrefix() {
        assertThat(UniqueNames.groupId("billing.v1")).matches("billing\\.v1-[0-9a-f]{12}");
    }

    @Test
    void illegalPrefixRejected() {
        assertThatThrownBy(() -> UniqueNames.topic("has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'has space'");
        assertThatThrownBy(() -> UniqueNames.groupId(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
