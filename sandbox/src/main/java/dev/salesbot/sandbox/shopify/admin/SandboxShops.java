package dev.salesbot.sandbox.shopify.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated stores, created on first use with the configured defaults
 * ({@code SANDBOX_SHOPIFY_PRODUCTS}, {@code SANDBOX_SHOPIFY_BUCKET_SIZE},
 * {@code SANDBOX_SHOPIFY_RESTORE_RATE}) and reconfigured per store by the control endpoints.
 */
@ApplicationScoped
public class SandboxShops {

    private static final System.Logger LOGGER = System.getLogger(SandboxShops.class.getName());

    private final Map<String, SandboxShop> shops = new ConcurrentHashMap<>();
    private final InstantSource clock = InstantSource.system();
    private volatile AdminGraphql admin;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_PRODUCTS", defaultValue = "36")
    int defaultProducts;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_BUCKET_SIZE", defaultValue = "2000")
    double defaultBucketSize;

    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_RESTORE_RATE", defaultValue = "100")
    double defaultRestoreRate;

    /** Objects a bulk operation processes per second ({@link BulkOperations}: why this default). */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_BULK_OBJECTS_PER_SECOND", defaultValue = "1000")
    double bulkObjectsPerSecond;

    /** How long a bulk operation stays CREATED before it runs. */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_BULK_START_MILLIS", defaultValue = "2000")
    long bulkStartMillis;

    /** Whether the app may run bulk queries ({@link BulkAccess}): {@code allowed} or {@code denied}. */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_BULK_QUERIES", defaultValue = "allowed")
    String bulkQueries;

    private volatile BulkAccess bulkAccess;

    /** The version every Admin answer names instead of the one asked for ({@link ServedVersion}); unset: the one asked for. */
    @Inject
    @ConfigProperty(name = "SANDBOX_SHOPIFY_ANSWERED_VERSION")
    Optional<String> answeredVersion;

    private volatile ServedVersion servedVersion;

    /** What the Admin API's {@code X-Shopify-API-Version} says, one switch for every store. */
    ServedVersion servedVersion() {
        ServedVersion served = servedVersion;
        if (served == null) {
            synchronized (this) {
                if (servedVersion == null) {
                    servedVersion = new ServedVersion(answeredVersion == null ? null : answeredVersion.orElse(null));
                }
                served = servedVersion;
            }
        }
        return served;
    }

    /** The app's access to bulk queries, one for every store. */
    BulkAccess bulkAccess() {
        BulkAccess access = bulkAccess;
        if (access == null) {
            synchronized (this) {
                if (bulkAccess == null) {
                    if (!bulkQueries.equals("allowed") && !bulkQueries.equals("denied")) {
                        throw new IllegalStateException("SANDBOX_SHOPIFY_BULK_QUERIES must be allowed or denied, not " + bulkQueries);
                    }
                    bulkAccess = new BulkAccess(bulkQueries.equals("allowed"));
                }
                access = bulkAccess;
            }
        }
        return access;
    }

    /** {@code acme} and {@code acme.myshopify.com} are the same store. */
    static String normalize(String shop) {
        String lower = shop.toLowerCase(Locale.ROOT);
        return lower.contains(".") ? lower : lower + ".myshopify.com";
    }

    @Inject
    WebhookDeliveries deliveries;

    SandboxShop shop(String name) {
        return shops.computeIfAbsent(normalize(name), n -> {
            SandboxShop shop = new SandboxShop(n, defaultProducts, defaultBucketSize, defaultRestoreRate, clock);
            shop.onEvent((topic, payload) -> deliveries.deliver(shop, topic, payload));
            shop.bulk().knobs().objectsPerSecond = bulkObjectsPerSecond;
            shop.bulk().knobs().startMillis = bulkStartMillis;
            shop.bulk().access(bulkAccess());
            return shop;
        });
    }

    Optional<SandboxShop> existing(String name) {
        return Optional.ofNullable(shops.get(normalize(name)));
    }

    /** Re-seeds the store (with {@code products}, or its current size) and applies new limits if given. */
    SandboxShop configure(String name, Integer products, Double bucketSize, Double restoreRate) {
        SandboxShop shop = shop(name);
        int size = products != null ? products : shop.catalog().products().size();
        long started = System.nanoTime();
        shop.reseed(size);
        LeakyBucket.Status status = shop.bucket().status();
        shop.bucket().reconfigure(bucketSize != null ? bucketSize : status.maximumAvailable(),
                restoreRate != null ? restoreRate : status.restoreRate());
        LOGGER.log(System.Logger.Level.INFO, "Sandbox store {0} seeded with {1} products ({2} variants) in {3} ms",
                shop.name(), size, shop.catalog().variantCount(), (System.nanoTime() - started) / 1_000_000);
        return shop;
    }

    /**
     * Answers one Admin API call of {@code caller} (its {@code User-Agent}), recorded in the store's
     * stats with the operation it named ({@link ShopStats#begin}).
     */
    AdminAnswer execute(String shop, String caller, String query, Map<String, Object> variables, String operationName,
                        String grantedScope) {
        return execute(shop, caller, query, variables, operationName, grantedScope, null);
    }

    /** As above, noting {@code sandboxBase} (the sandbox's base URI) as where the store's bulk results are served. */
    AdminAnswer execute(String shop, String caller, String query, Map<String, Object> variables, String operationName,
                        String grantedScope, java.net.URI sandboxBase) {
        SandboxShop store = shop(shop);
        if (sandboxBase != null) {
            store.resultsBase(sandboxBase);
        }
        store.stats().begin(caller, operationOf(query, operationName));
        try {
            return admin().execute(store, query, variables, operationName, AccessRules.scopes(grantedScope));
        } finally {
            store.stats().end(caller);
        }
    }

    private static final java.util.regex.Pattern NAMED_OPERATION =
            java.util.regex.Pattern.compile("^\\s*(?:query|mutation)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    /** The operation's name: the request's {@code operationName}, else the first operation's own, else {@code anonymous}. */
    static String operationOf(String query, String operationName) {
        if (operationName != null && operationName.matches("[_A-Za-z][_0-9A-Za-z]{0,99}")) {
            return operationName;
        }
        java.util.regex.Matcher named = NAMED_OPERATION.matcher(query == null ? "" : query);
        return named.find() ? named.group(1) : "anonymous";
    }

    /** Built on first use: loading the schema takes seconds, and most runs never call the sandbox. */
    private AdminGraphql admin() {
        AdminGraphql current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = new AdminGraphql(AdminSchema.load(), clock);
                }
                current = admin;
            }
        }
        return current;
    }
}
