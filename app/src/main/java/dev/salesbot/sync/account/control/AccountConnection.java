package dev.salesbot.sync.account.control;

import dev.salesbot.sync.queue.control.SyncProgresses;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One of a merchant's connections (their store or a Page) as the merchant's own pages show it,
 * in a shop owner's words. No token and no internal error detail is among these fields.
 *
 * @param state      {@code up_to_date}, {@code updating}, {@code failed}, {@code needs_reconnect} or {@code disconnected}
 * @param stateText  the state in words ("Up to date")
 * @param detail     what the state means for the merchant, or what to do; empty when nothing to add
 * @param lastUpdate when the bot's copy was last brought up to date, null before the first time
 * @param progress   how far a running full sync has got, null when none runs or nothing is known
 */
public record AccountConnection(String id, String platform, String target, String name, String state, String stateText,
                                String detail, OffsetDateTime lastUpdate, Map<String, Long> counts,
                                SyncProgresses.Progress progress, boolean active) {

    public boolean shopify() {
        return platform.equals("shopify");
    }

    /** Where to connect it again: the store's install, or Facebook Login for Pages. */
    public String reconnectPath() {
        return shopify() ? "/shopify/" + target + "/login" : "/facebook/login";
    }
}
