package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SamplePagesTest {

    @Test
    void firstPageIsTheTutorialsStore() {
        SandboxPage first = SamplePages.seed(3, false).get(0);

        assertThat(first.id()).isEqualTo("101368371725791");
        assertThat(first.name()).isEqualTo("Fast Online Store PH");
        assertThat(first.category()).isEqualTo("Footwear store");
    }

    @Test
    void manyPagesHaveUniqueNumericIdsAndNames() {
        var pages = SamplePages.seed(120, false);

        assertThat(pages).extracting(SandboxPage::id).doesNotHaveDuplicates().allMatch(id -> id.matches("\\d+"));
        assertThat(pages).extracting(SandboxPage::name).doesNotHaveDuplicates();
    }

    @Test
    void seedingIsDeterministic() {
        assertThat(SamplePages.seed(10, false)).isEqualTo(SamplePages.seed(10, false));
    }
}
