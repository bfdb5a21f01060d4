package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.merchants.control.PageConnections;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.Syncs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records a Facebook connect in one transaction: every granted Page with its sealed token, and a
 * sync request for each of them and for the merchant's other active Pages. A stop at any moment
 * of the callback leaves either all of it or none of it.
 */
@ApplicationScoped
public class PageRegistrations {

    /** A granted Page, its token already sealed. */
    public record SealedPage(String id, String name, String sealedToken, String userId) {
    }

    @Inject
    PageConnections connections;

    @Inject
    Syncs syncs;

    /** The tickets of the syncs, by Page id: this grant's Pages first, then the merchant's other active ones. */
    @Transactional
    public Map<String, Syncs.Ticket> record(UUID merchant, List<SealedPage> granted) {
        for (SealedPage page : granted) {
            connections.connect(page.id(), merchant, page.name(), page.sealedToken(), page.userId());
        }
        Map<String, Syncs.Ticket> tickets = new LinkedHashMap<>();
        for (SealedPage page : granted) {
            tickets.put(page.id(), syncs.request(SyncKind.FACEBOOK_PAGE, page.id(), merchant));
        }
        for (FacebookPageConnection other : connections.ofMerchant(merchant)) {
            if (other.active() && !tickets.containsKey(other.pageId())) {
                tickets.put(other.pageId(), syncs.request(SyncKind.FACEBOOK_PAGE, other.pageId(), merchant));
            }
        }
        return tickets;
    }
}
