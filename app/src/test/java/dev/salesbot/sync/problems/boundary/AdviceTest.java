package dev.salesbot.sync.problems.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdviceTest {

    @Test
    void deniedPermissionsLeadBackToFacebookLogin() {
        Advice advice = Advice.of("/problems/permissions-denied", 403);
        assertThat(advice.link()).isEqualTo("/facebook/login");
        assertThat(advice.whatToDo()).contains("keep every permission switched on");
    }

    @Test
    void anExpiredLinkSaysToStartAgain() {
        Advice advice = Advice.of("/problems/expired-link", 403);
        assertThat(advice.link()).isEqualTo("/");
        assertThat(advice.whatToDo()).contains("within a few minutes", "Start again");
    }

    @Test
    void aPlatformFailureSaysNothingWasLostAndToTryLater() {
        assertThat(Advice.of("/problems/token-exchange-failed", 502).whatToDo()).contains("Nothing was lost", "Try again in a few minutes");
    }

    @Test
    void anUnknownStoreSaysWhereToFindItsName() {
        assertThat(Advice.of("/problems/unknown-store", 404).whatToDo()).contains("part before .myshopify.com");
    }

    @Test
    void anyOtherProblemLeadsToTheStartPageOrToTryingLater() {
        assertThat(Advice.of("about:blank", 404).link()).isEqualTo("/");
        assertThat(Advice.of("about:blank", 500).whatToDo()).contains("Try again in a few minutes", "reference");
    }
}
