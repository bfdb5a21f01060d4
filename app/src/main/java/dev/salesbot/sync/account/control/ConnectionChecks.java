package dev.salesbot.sync.account.control;

import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.shopify.webhooks.WebhookCheck;
import dev.salesbot.sync.webhooks.control.TestDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The result pages' checks of a connection as they stand now, so that a page shown while the first
 * sync runs can follow them as it follows the state: {@code upload_status} (the store's or the
 * Page's copy) and, for a store, {@code webhook_test} (the subscriptions that sync registers, then a
 * test delivery, {@link WebhookCheck#current}). The statuses are the connect answer's; a check is
 * {@code pending} only while its connection is updating, so a page that says "Up to date" has none.
 * The connect answer's {@code polling_test} is not among them: a live read made once at the
 * connect, it is never pending and does not change with the sync.
 */
@ApplicationScoped
public class ConnectionChecks {

    /** One check: its status, the reason unless it succeeded or is pending, and the result in the pages' words. */
    public record Check(String status, String message, String text) {
    }

    @Inject
    WebhookCheck webhooks;

    /** The checks of each connection, by connection id. */
    public Map<String, Map<String, Check>> of(List<AccountConnection> connections) {
        Map<String, Map<String, Check>> checks = new LinkedHashMap<>();
        connections.forEach(c -> checks.put(c.id(), of(c, () -> webhooks.current(new ShopDomain(c.target())))));
        return checks;
    }

    /** The checks of {@code c}, by field; {@code webhookTest} is asked only for an active store. */
    static Map<String, Check> of(AccountConnection c, Supplier<TestDelivery.Result> webhookTest) {
        Map<String, Check> checks = new LinkedHashMap<>();
        checks.put("upload_status", upload(c));
        if (c.shopify()) {
            checks.put("webhook_test", webhooks(c, webhookTest));
        }
        return checks;
    }

    /** The webhook check in the store pages' words (the connect page's and the live one's). */
    public static String webhookWords(TestDelivery.Result test) {
        return switch (test.status()) {
            case "success" -> "Working: changes in your store reach the bot within seconds.";
            case "pending" -> "Not checked yet: " + test.message();
            default -> "Not working yet: " + test.message() + " The daily check still keeps the bot up to date.";
        };
    }

    private static Check upload(AccountConnection c) {
        if (updating(c)) {
            return new Check("pending", c.detail().isEmpty() ? null : c.detail(), "Being made; this page follows it.");
        }
        if (c.lastUpdate() != null) {
            return new Check("success", null, c.shopify() ? "Done: the bot's copy is written; what it holds is shown above."
                    : "Done: the Page's details are stored.");
        }
        return new Check("failed", c.detail(), c.stateText() + ": " + c.detail());
    }

    private static Check webhooks(AccountConnection c, Supplier<TestDelivery.Result> webhookTest) {
        if (!c.active()) {
            String message = "The store is not connected (" + c.stateText() + "): " + c.detail();
            return new Check("failed", message, "Not working: " + message);
        }
        TestDelivery.Result test = webhookTest.get();
        if ("pending".equals(test.status()) && !updating(c)) {
            // The first sync registers the subscriptions before it reads the catalog: one that ended without them failed.
            test = TestDelivery.Result.failed("The first sync ended before it registered the webhook subscriptions; "
                    + "the store's status above says why.");
        }
        return new Check(test.status(), test.message(), webhookWords(test));
    }

    private static boolean updating(AccountConnection c) {
        return c.state().equals("updating");
    }
}
