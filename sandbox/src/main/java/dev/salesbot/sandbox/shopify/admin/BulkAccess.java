package dev.salesbot.sandbox.shopify.admin;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the app may run bulk queries, one switch for the sandbox's one app (its
 * {@code SANDBOX_SHOPIFY_API_KEY}), as Shopify decides it per app since 2026-11-07
 * (https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use): "apps need
 * access to bulk operations before they can run bulk queries or bulk mutations"; access is enabled
 * in the Partner Dashboard (Apps → the app → API access requests → Allow bulk queries); "if your
 * app starts a bulk operation without access, then the request returns an access denied error";
 * it applies to every Admin API version; an app that has not run a bulk query for 31 days loses
 * the access.
 *
 * <p>Modelled: {@code bulkOperationRunQuery} of an app without access answers a top-level GraphQL
 * error with {@code extensions.code} {@code ACCESS_DENIED} on the mutation's path, and
 * {@code data.bulkOperationRunQuery} null — the shape of every Shopify access denial. The mutation
 * itself needs no access scope (the schema's {@code offline_scopes} list none for it), so this
 * denial is never a scope's. The changelog does not quote the message; the sandbox's names the
 * Partner Dashboard setting. Bulk queries already running are not stopped. The 31-day lapse is
 * not modelled by the clock: switch the access off instead
 * ({@code PUT /sandbox/shopify/_control/app}, {@code SANDBOX_SHOPIFY_BULK_QUERIES}).
 */
final class BulkAccess {

    static final String CHANGELOG = "https://shopify.dev/changelog/partner-apps-must-enable-bulk-operations-before-use";

    private volatile boolean allowed;

    BulkAccess(boolean allowed) {
        this.allowed = allowed;
    }

    boolean allowed() {
        return allowed;
    }

    void allow(boolean allowed) {
        this.allowed = allowed;
    }

    /** What {@code bulkOperationRunQuery} throws for an app without access: graphql-java answers it on the field's path. */
    static final class Denied extends RuntimeException implements GraphQLError {

        private static final long serialVersionUID = 1L;

        Denied() {
            super("Access denied for bulkOperationRunQuery field. This app does not have access to bulk queries: "
                    + "enable it in the Partner Dashboard (API access requests, Allow bulk queries).", null, false, false);
        }

        @Override
        public List<SourceLocation> getLocations() {
            return null;
        }

        @Override
        public ErrorClassification getErrorType() {
            return graphql.ErrorType.DataFetchingException;
        }

        @Override
        public Map<String, Object> getExtensions() {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("code", "ACCESS_DENIED");
            extensions.put("documentation", CHANGELOG);
            return extensions;
        }
    }
}
