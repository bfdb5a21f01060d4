package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Named stores and a one-call way to query them, for tests of the simulated Admin API. */
final class SandboxStores {

    static final String ACME = "acme-snow.myshopify.com";
    static final Instant START = Instant.parse("2026-09-15T09:00:00Z");
    /** A bucket no test query can empty, for tests about data rather than rate limits. */
    static final double UNLIMITED = 1e12;

    /** What the tests' token was granted: read access to the catalog, and writing products (productUpdate). */
    static final String SCOPES = "write_products,read_discounts,read_inventory,read_legal_policies";

    final ManualClock clock = new ManualClock(START);
    final AdminGraphql admin = new AdminGraphql(AdminSchema.load(), clock);

    AdminAnswer execute(SandboxShop shop, String query, Map<String, Object> variables, String operationName) {
        return execute(shop, query, variables, operationName, SCOPES);
    }

    AdminAnswer execute(SandboxShop shop, String query, Map<String, Object> variables, String operationName, String scopes) {
        return admin.execute(shop, query, variables, operationName, AccessRules.scopes(scopes));
    }

    SandboxShop store(int products) {
        return new SandboxShop(ACME, products, UNLIMITED, UNLIMITED, clock);
    }

    SandboxShop store(int products, double bucketSize, double restoreRate) {
        return new SandboxShop(ACME, products, bucketSize, restoreRate, clock);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(AdminAnswer answer) {
        return (Map<String, Object>) answer.body();
    }

    @SuppressWarnings("unchecked")
    static Object at(Object json, String path) {
        Object current = json;
        for (String key : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(key));
            } else {
                current = ((Map<String, Object>) current).get(key);
            }
        }
        return current;
    }
}
