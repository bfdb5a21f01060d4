package dev.salesbot.sync.sync.control;

import java.util.List;
import java.util.UUID;

/**
 * One unit of work handed to a {@link SyncHandler}: possibly several coalesced requests for the
 * same target. {@code productIds} is empty unless the kind is {@link SyncKind#SHOPIFY_PRODUCTS}.
 */
public record SyncTask(SyncKind kind, String target, UUID merchant, List<String> productIds, int attempt) {

    public SyncTask {
        productIds = List.copyOf(productIds);
    }
}
