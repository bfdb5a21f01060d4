package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialogDecisionTest {

    @Test
    void plainClientWithoutPageFieldsChoosesNoPagesExplicitly() {
        DialogDecision decision = DialogDecision.fromForm(Map.of("decision", List.of("allow")));

        assertThat(decision.allow()).isTrue();
        assertThat(decision.pagesChosen()).isFalse();
    }

    @Test
    void htmlFormMarkerMeansOnlyTickedPages() {
        DialogDecision decision = DialogDecision.fromForm(Map.of("decision", List.of("allow"),
                "page_choice", List.of("explicit")));

        assertThat(decision.pagesChosen()).isTrue();
        assertThat(decision.pageIds()).isEmpty();
    }

    @Test
    void readsTickedPagesAndDeclinedScopes() {
        DialogDecision decision = DialogDecision.fromForm(Map.of("decision", List.of("allow"),
                "page", List.of("1", "2"), "declined_scope", List.of("pages_manage_metadata"),
                "state", List.of("st")));

        assertThat(decision.pageIds()).containsExactly("1", "2");
        assertThat(decision.declinedScopes()).containsExactly("pages_manage_metadata");
        assertThat(decision.state()).isEqualTo("st");
    }

    @Test
    void denyIsNotAnAllow() {
        assertThat(DialogDecision.fromForm(Map.of("decision", List.of("deny"))).allow()).isFalse();
    }

    @Test
    void refusesAnyOtherDecision() {
        assertThatThrownBy(() -> DialogDecision.fromForm(Map.of("decision", List.of("maybe"))))
                .isInstanceOf(DialogException.class);
    }
}
