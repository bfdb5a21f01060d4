package dev.salesbot.sync.facebook.graph;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PageIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"101368371725791", "1", "123456789012345678901234567890"})
    void acceptsDecimalIds(String id) {
        assertThat(PageIds.valid(id)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12ab/../x", "../101368371725791", "1013 6837", "-1", "1e10", "１２３",
            "101368371725791\n", "1234567890123456789012345678901"})
    void refusesAnythingElse(String id) {
        assertThat(PageIds.valid(id)).isFalse();
    }
}
