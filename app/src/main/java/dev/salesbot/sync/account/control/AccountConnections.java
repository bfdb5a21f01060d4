package dev.salesbot.sync.account.control;

import dev.salesbot.sync.merchants.control.ConnectionActions;
import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.control.StoreConnections;
import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.queue.control.SyncAttempt;
import dev.salesbot.sync.queue.control.SyncProgresses;
import dev.salesbot.sync.queue.control.SyncRequests;
import dev.salesbot.sync.queue.control.TargetStatuses;
import dev.salesbot.sync.queue.entity.TargetStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A merchant's own connections: what they are, in words, and the two things a merchant may do to
 * one of them (disconnect it; delete the bot's copy of it). Every action checks that the
 * connection belongs to the merchant and answers "not found" otherwise, revealing nothing of
 * another merchant's.
 */
@ApplicationScoped
public class AccountConnections {

    @Inject
    StoreConnections shops;

    @Inject
    PageConnections pages;

    @Inject
    TargetStatuses statuses;

    @Inject
    SyncRequests requests;

    @Inject
    SyncProgresses progress;

    @Inject
    ConnectionActions actions;

    /** The merchant's store first, then their Pages by name. */
    public List<AccountConnection> of(UUID merchant) {
        List<AccountConnection> views = new ArrayList<>();
        shops.ofMerchant(merchant).ifPresent(c -> views.add(view(c, "shopify", c.shop(), c.shop())));
        pages.ofMerchant(merchant).stream()
                .sorted((a, b) -> String.valueOf(a.pageName()).compareToIgnoreCase(String.valueOf(b.pageName())))
                .forEach(c -> views.add(view(c, "facebook", c.pageId(), c.pageName())));
        return views;
    }

    /** Deletes the connection's tokens and subscriptions; the bot's copy stays. */
    public String disconnect(UUID merchant, String id) {
        owned(merchant, id);
        boolean told = actions.disconnect(id, "the merchant").completed();
        return (told ? "Disconnected: its access keys are deleted and the platform no longer notifies us. "
                : "Disconnected: its access keys are deleted. The platform could not be reached to stop its notifications; "
                + "any that still arrive are ignored. ")
                + "The bot keeps its copy until you delete it.";
    }

    /** Queues the deletion of the bot's copy and of the connection itself. */
    public String delete(UUID merchant, String id) {
        AccountConnection c = owned(merchant, id);
        actions.deleteConnection(id, "the merchant");
        return "The bot's copy of " + c.name() + " is being deleted, with what we kept of it.";
    }

    /** The merchant's connection with this id; 404 for an id that is not theirs (or no id at all). */
    public AccountConnection owned(UUID merchant, String id) {
        if (id == null || !ConnectionActions.ID.matcher(id).matches()) {
            throw Refusal.notFound("unknown-connection", "You have no connection with this id.");
        }
        return of(merchant).stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> Refusal.notFound("unknown-connection", "You have no connection with this id."));
    }

    private AccountConnection view(MerchantConnection c, String platform, String target, String name) {
        TargetStatus t = statuses.find(target).orElse(null);
        boolean pending = c.active() && !requests.pendingOf(target).isEmpty();
        State state = state(c, t, pending);
        SyncProgresses.Progress running = state.name.equals("updating") ? progress.find(target).orElse(null) : null;
        Map<String, Long> counts = TargetStatuses.counts(t);
        return new AccountConnection(c.id(), platform, target, name == null ? target : name, state.name, state.text, state.detail,
                t == null ? null : t.lastSuccessAt(), counts, running, c.active());
    }

    record State(String name, String text, String detail) {
    }

    static State state(MerchantConnection c, TargetStatus t, boolean pending) {
        ConnectionStatus status = c.status();
        if (status == ConnectionStatus.DISCONNECTED) {
            return new State("disconnected", "Disconnected", "The bot keeps its copy until you delete it.");
        }
        if (status == ConnectionStatus.UNINSTALLED) {
            return new State("disconnected", "Disconnected", "The app was removed from your store; connect again to bring the bot up to date.");
        }
        if (status == ConnectionStatus.NEEDS_RECONNECT) {
            return new State("needs_reconnect", "Needs reconnect",
                    (c.statusReason() == null ? "Our access stopped working." : c.statusReason()) + " Connect again to fix it.");
        }
        boolean everSucceeded = t != null && t.lastSuccessAt() != null;
        if (pending || (!everSucceeded && (t == null || t.lastResult() == null))) {
            String retrying = t != null && t.consecutiveFailures() > 0
                    ? "The last try did not work (" + t.lastError() + "); it is tried again automatically." : "";
            if (t != null && SyncAttempt.Result.PARKED.name().equals(t.lastResult())) {
                retrying = t.lastMessage(); // waiting for the platform: nothing went wrong
            }
            return new State("updating", "Updating", retrying);
        }
        if (!everSucceeded) {
            return new State("failed", "Not updated", "The bot's copy could not be made: " + t.lastError()
                    + " Connect again, or contact the people who run this service with the time it happened.");
        }
        return new State("up_to_date", "Up to date", "");
    }
}
