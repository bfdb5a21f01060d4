package dev.salesbot.sync.shopify.bulk;

/**
 * Shopify refused to start a bulk query because the app has no access to bulk queries: since
 * 2026-11-07 a partner app must enable them in the Partner Dashboard, and loses the access after
 * 31 days without one (https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use).
 * {@code bulkOperationRunQuery} needs no access scope, so an {@code ACCESS_DENIED} on it is this
 * and never a missing scope; reconnecting the store cannot fix it. The sync pages instead.
 */
public class BulkQueriesRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the operators read on the dashboard. */
    public static final String WHAT_TO_DO = "Bulk queries are not enabled for this app: Partner Dashboard → Apps → this app → "
            + "API access requests → Allow bulk queries. Until then large stores are read by paging.";

    BulkQueriesRefused(String shop, Throwable cause) {
        super("Shopify refused the bulk queries of " + shop + ": " + WHAT_TO_DO, cause);
    }
}
