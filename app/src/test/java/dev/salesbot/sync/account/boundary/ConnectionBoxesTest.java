package dev.salesbot.sync.account.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The result pages' checks as the server renders them: complete without the script, a pending one that follows its connection marked for it. */
class ConnectionBoxesTest {

    private static final String SHOP = "marks-boutique.myshopify.com";

    @Test
    void aPendingCheckNamesTheConnectionAndFieldItFollows() {
        String html = ConnectionBoxes.check("webhook-test", "webhook_test", "Webhooks", "Not checked yet: the first sync is running.",
                "note", "pending", SHOP);
        assertThat(html).contains("<dd id=\"webhook-test\" class=\"note\" data-pending=\"true\" data-check=\"webhook_test\" data-follows=\""
                + SHOP + "\">", "Not checked yet: the first sync is running. <span class=\"muted\">(<code>webhook_test</code>: "
                + "<strong>pending</strong>)</span></dd>");
    }

    @Test
    void aCheckThatIsDoneOrFollowsNothingIsNotMarked() {
        assertThat(ConnectionBoxes.check("webhook-test", "webhook_test", "Webhooks", "Working.", "ok", "success", SHOP))
                .doesNotContain("data-pending", "data-follows", "data-check");
        assertThat(ConnectionBoxes.check("polling-test", "polling_test", "Daily check", "Not every Page could be read yet.", "note",
                "pending")).contains("data-pending=\"true\"").doesNotContain("data-follows", "data-check");
    }
}
