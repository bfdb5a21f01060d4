package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.queue.control.SyncParked;
import dev.salesbot.sync.queue.control.SyncPostponed;
import dev.salesbot.sync.shopify.catalog.CatalogFetch;
import dev.salesbot.sync.shopify.catalog.CatalogSpool;
import dev.salesbot.sync.storage.control.SpooledJson;
import dev.salesbot.sync.shopify.catalog.CatalogQueries;
import dev.salesbot.sync.shopify.graphql.GraphqlQuery;
import dev.salesbot.sync.shopify.graphql.PacedGraphql;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The whole catalog through Shopify bulk operations
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries): the five {@link BulkPart} queries
 * started at once (2026-10 runs up to five per shop), each recorded ({@link Records}) as soon as
 * Shopify accepts it, so that a later attempt, after a restart or on another server, resumes the
 * same operations instead of starting new ones. An attempt that started operations waits for them
 * at most {@code maxWait} in its worker slot (the {@code bulk_operations/finish} webhook, recorded
 * by the receiving server, or {@code bulkOperation(id:)} polled with backoff); one that resumes
 * them looks at each unfinished one once. Then, if some still run, the sync is parked
 * ({@link SyncParked}): it holds no slot while Shopify works, and is looked at again after as long
 * as the operations have run so far (between the first and the longest poll interval), or at once
 * when their finish webhooks came. Each finished file is downloaded with a plain HTTP client (its
 * address is not the shop's and takes no token) and read line by line ({@link BulkAssembly}).
 *
 * <p>What goes wrong: {@code ACCESS_DENIED} ends the sync as a denial does when paging; {@code FAILED}
 * (partial data is never used), {@code CANCELED}, {@code EXPIRED}, a download address that no
 * longer answers or a file that does not add up gets a new operation once, then that part is
 * fetched by paging; the result says which ({@link Fetched#how}).
 */
public final class BulkCatalogFetch {

    private static final System.Logger LOGGER = System.getLogger(BulkCatalogFetch.class.getName());
    /** Bulk runs per part before its paging fallback: the first (perhaps resumed) and one more. */
    static final int RUNS = 2;

    /** Where the started operations are recorded ({@link BulkOperationRows} in the server). */
    public interface Records {
        Map<BulkPart, String> of(String shop);

        void started(String shop, BulkPart part, String id);

        Optional<String> finishedStatus(String id);

        void forget(String shop);

        /**
         * How many operations were started for each part of {@code shop}'s sync, those of {@link #of}
         * included: a part is run again once after a failure, across attempts too, then paged.
         */
        default Map<BulkPart, Integer> runs(String shop) {
            Map<BulkPart, Integer> runs = new EnumMap<>(BulkPart.class);
            of(shop).keySet().forEach(part -> runs.put(part, 1));
            return runs;
        }

        /** When the latest operation on record for {@code shop} was started; empty when not known. */
        default Optional<Instant> lastStarted(String shop) {
            return Optional.empty();
        }
    }

    /** Opens a result file's address; {@link Gone} when it does not answer with the file any more. */
    public interface Downloads {
        /** Opens {@code url}; {@link BulkAssembly.Unusable} when it must not be fetched (not Shopify's storage, a redirect, too large). */
        InputStream open(String url) throws IOException, Gone, BulkAssembly.Unusable;

        /** How much of a file is read. */
        default BulkResults limits() {
            return BulkResults.DEFAULTS;
        }
    }

    /** A result address that answered 403, 404 or 410: expired or removed. */
    public static final class Gone extends Exception {
        public Gone(String message) {
            super(message);
        }
    }

    /**
     * How long an attempt that started operations waits for them in its worker slot before the
     * sync is parked ({@code BULK_WAIT_SECONDS}), the status polls' backoff (first, doubling, at
     * most), and how often the database is read for finish webhooks meanwhile.
     */
    public record Settings(Duration maxWait, Duration firstPoll, Duration maxPoll, Duration tick) {
        public static Settings defaults(Duration maxWait) {
            return new Settings(maxWait, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1));
        }

        /**
         * When a parked sync looks again, its operations having run {@code waited} so far: after as
         * long again (the polls' doubling, across attempts), between {@code firstPoll} and
         * {@code maxPoll}.
         */
        public Duration recheck(Duration waited) {
            Duration at = waited.compareTo(firstPoll) < 0 ? firstPoll : waited;
            return at.compareTo(maxPoll) > 0 ? maxPoll : at;
        }
    }

    /** The document, and how it was fetched, in words for the log and the answer (tests: the document in memory). */
    public record Fetched(JsonObject document, String how) {
    }

    private record Status(String status, String errorCode, long objectCount, long rootObjectCount, String url) {
        boolean finished() {
            return !status.equals("CREATED") && !status.equals("RUNNING") && !status.equals("CANCELING");
        }
    }

    private final String shop;
    private final PacedGraphql graphql;
    private final CatalogFetch paging;
    private final Records records;
    private final Downloads downloads;
    private final Settings settings;
    private final Sleeper sleeper;
    private final Clock clock;

    public BulkCatalogFetch(String shop, PacedGraphql graphql, CatalogFetch paging, Records records, Downloads downloads,
                            Settings settings, Sleeper sleeper, Clock clock) {
        this.shop = shop;
        this.graphql = graphql;
        this.paging = paging;
        this.records = records;
        this.downloads = downloads;
        this.settings = settings;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** {@link #all(boolean, LongConsumer, CatalogSpool)} read back into memory: for tests and small stores. */
    public Fetched all(boolean withPolicies, LongConsumer productsFetched) {
        try (CatalogSpool spool = new CatalogSpool()) {
            String how = all(withPolicies, productsFetched, spool);
            try (SpooledJson document = spool.document(); java.io.InputStream in = document.open();
                 jakarta.json.JsonReader reader = Jsonp.createReader(in)) {
                return new Fetched(reader.readObject(), how);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The document {@link CatalogFetch#all(boolean, LongConsumer)} gives, byte for byte once
     * canonical, written into {@code spool} part by part; answers how it was fetched.
     */
    public String all(boolean withPolicies, LongConsumer productsFetched, CatalogSpool spool) {
        // Resumed operations are looked at once; started ones are waited for up to maxWait.
        Instant deadline = clock.instant();
        Map<BulkPart, String> operations = new EnumMap<>(BulkPart.class);
        operations.putAll(records.of(shop));
        Map<BulkPart, Integer> runs = new EnumMap<>(BulkPart.class);
        runs.putAll(records.runs(shop));
        if (!operations.isEmpty()) {
            LOGGER.log(System.Logger.Level.INFO, "Resuming {0} bulk operation(s) of {1} started earlier: {2}",
                    operations.size(), shop, operations.values());
        }
        Map<BulkPart, BulkAssembly.Lines> read = new EnumMap<>(BulkPart.class);
        Map<BulkPart, String> problems = new LinkedHashMap<>();
        BulkAssembly assembly = new BulkAssembly();
        try {
            for (int run = 1; run <= RUNS; run++) {
                for (BulkPart part : BulkPart.values()) {
                    if (!read.containsKey(part) && !operations.containsKey(part) && !problems.containsKey(part)) {
                        start(part).ifPresentOrElse(id -> {
                            operations.put(part, id);
                            runs.merge(part, 1, Integer::sum);
                        }, () -> problems.put(part, "refused"));
                        deadline = clock.instant().plus(settings.maxWait());
                    }
                }
                Map<BulkPart, Status> finished = await(operations, deadline, productsFetched);
                for (Map.Entry<BulkPart, Status> end : finished.entrySet()) {
                    BulkPart part = end.getKey();
                    String id = operations.remove(part);
                    Optional<String> trouble = collect(part, id, end.getValue(), assembly, read);
                    trouble.ifPresent(t -> {
                        LOGGER.log(System.Logger.Level.WARNING, "Bulk operation {0} ({1}) of {2}: {3}", id, part, shop, t);
                        problems.put(part, t);
                    });
                }
                if (read.size() == BulkPart.values().length) {
                    break;
                }
                if (run < RUNS) {
                    // One more bulk run for each part that did not come back whole.
                    problems.keySet().removeIf(p -> !problems.get(p).equals("refused") && runs.getOrDefault(p, 0) < RUNS);
                }
            }
            return assemble(withPolicies, read, problems, assembly, spool);
        } finally {
            read.values().forEach(BulkAssembly.Lines::close);
        }
    }

    /** What the whole sync does once the snapshot is written: the operations are no longer needed. */
    public void done() {
        records.forget(shop);
    }

    private String assemble(boolean withPolicies, Map<BulkPart, BulkAssembly.Lines> read, Map<BulkPart, String> problems,
                            BulkAssembly assembly, CatalogSpool spool) {
        List<String> paged = new ArrayList<>();
        try {
            if (read.containsKey(BulkPart.PRODUCTS)) {
                assembly.products(read.get(BulkPart.PRODUCTS), spool.products());
            } else {
                paged.add("products (" + problems.get(BulkPart.PRODUCTS) + ")");
                paging.pagedProducts(n -> { }, spool.products());
            }
            if (read.containsKey(BulkPart.COLLECTIONS)) {
                assembly.collections(read.get(BulkPart.COLLECTIONS), spool.collections());
            } else {
                paged.add("collections (" + problems.get(BulkPart.COLLECTIONS) + ")");
                paging.pagedCollections(spool.collections());
            }
            boolean discounts = false;
            if (read.containsKey(BulkPart.DISCOUNTS) && read.containsKey(BulkPart.BASIC_DISCOUNT_ITEMS)
                    && read.containsKey(BulkPart.BXGY_DISCOUNT_ITEMS)) {
                try {
                    assembly.discounts(read.get(BulkPart.DISCOUNTS), read.get(BulkPart.BASIC_DISCOUNT_ITEMS),
                            read.get(BulkPart.BXGY_DISCOUNT_ITEMS), spool.discounts());
                    discounts = true;
                } catch (BulkAssembly.Unusable e) {
                    problems.put(BulkPart.DISCOUNTS, e.getMessage());
                }
            }
            if (!discounts) {
                String why = problems.entrySet().stream().filter(e -> e.getKey().discounts()).map(Map.Entry::getValue)
                        .findFirst().orElse("incomplete");
                paged.add("discounts (" + why + ")");
                paging.pagedDiscounts(spool.discounts());
            }
        } catch (IOException e) {
            throw new ShopifyUnavailableException("a bulk operation's downloaded result could not be read again", e);
        }
        String how = paged.isEmpty() ? "through bulk operations"
                : "through bulk operations, with " + String.join(", ", paged) + " fetched by paging";
        spool.shop(paging.shop(withPolicies));
        paging.logFetched(spool, " " + how);
        return how;
    }

    /**
     * Starts {@code part}'s bulk query and records it; empty when Shopify refuses it (user errors).
     *
     * @throws BulkQueriesRefused when the app has no access to bulk queries
     */
    private Optional<String> start(BulkPart part) {
        JsonObject data;
        try {
            data = graphql.data(CatalogQueries.BULK_RUN, Jsonp.createObjectBuilder().add("query", part.query()).build(),
                    GraphqlQuery.MUTATION_COST);
        } catch (ShopifyAccessDeniedException e) {
            // The mutation needs no access scope: a denial of it is the app's bulk access, not the store's grant.
            throw new BulkQueriesRefused(shop, e);
        }
        JsonObject payload = data.getJsonObject("bulkOperationRunQuery");
        JsonArray errors = payload == null ? JsonValue.EMPTY_JSON_ARRAY : payload.getJsonArray("userErrors");
        if (payload == null || !errors.isEmpty() || !(payload.get("bulkOperation") instanceof JsonObject operation)) {
            String codes = errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("code", "") + " " + e.getString("message", ""))
                    .reduce((a, b) -> a + "; " + b).orElse("no operation");
            if (codes.contains("LIMIT_REACHED") || codes.contains("OPERATION_IN_PROGRESS")) {
                // Other bulk queries of this app run on the store (an earlier attempt's, not on record): wait for them.
                throw new SyncPostponed("Shopify is still running earlier bulk operations of this store; the sync goes on by itself.",
                        Duration.ofSeconds(30), null);
            }
            LOGGER.log(System.Logger.Level.WARNING, "Shopify refused the {0} bulk query of {1}: {2}", part, shop, codes);
            return Optional.empty();
        }
        String id = operation.getString("id");
        records.started(shop, part, id);
        LOGGER.log(System.Logger.Level.INFO, "Started bulk operation {0} ({1}) for {2}", id, part, shop);
        return Optional.of(id);
    }

    /**
     * Waits until every operation in {@code operations} has ended, at most until {@code deadline}
     * (each is looked at once in any case); answers their end states. The database is read every
     * tick (a finish webhook on any server is there); Shopify is asked with backoff, and at once for
     * an operation whose webhook came.
     *
     * @throws SyncParked when some still run at the deadline
     */
    private Map<BulkPart, Status> await(Map<BulkPart, String> operations, Instant deadline, LongConsumer productsFetched) {
        Map<BulkPart, Status> ended = new EnumMap<>(BulkPart.class);
        Map<BulkPart, Instant> nextPoll = new EnumMap<>(BulkPart.class);
        Map<BulkPart, Duration> backoff = new EnumMap<>(BulkPart.class);
        Instant now = clock.instant();
        for (BulkPart part : operations.keySet()) {
            nextPoll.put(part, now);
            backoff.put(part, settings.firstPoll());
        }
        while (ended.size() < operations.size()) {
            now = clock.instant();
            for (Map.Entry<BulkPart, String> operation : operations.entrySet()) {
                BulkPart part = operation.getKey();
                if (ended.containsKey(part)) {
                    continue;
                }
                boolean told = records.finishedStatus(operation.getValue()).isPresent();
                if (told || !now.isBefore(nextPoll.get(part))) {
                    Status status = status(operation.getValue());
                    if (part == BulkPart.PRODUCTS) {
                        productsFetched.accept(status.rootObjectCount());
                    }
                    if (status.finished()) {
                        ended.put(part, status);
                        continue;
                    }
                    Duration wait = backoff.get(part);
                    nextPoll.put(part, now.plus(wait));
                    backoff.put(part, min(wait.multipliedBy(2), settings.maxPoll()));
                }
            }
            if (ended.size() == operations.size()) {
                break;
            }
            if (!clock.instant().isBefore(deadline)) {
                Duration waited = records.lastStarted(shop).map(started -> Duration.between(started, clock.instant()))
                        .orElse(Duration.ZERO);
                throw new SyncParked("Waiting for Shopify's bulk operations of " + shop + " (" + ended.size() + " of "
                        + operations.size() + " finished); the snapshot is written when they finish.", settings.recheck(waited));
            }
            sleeper.sleep(settings.tick());
        }
        return ended;
    }

    private Status status(String id) {
        JsonObject data = graphql.data(CatalogQueries.BULK_STATUS, Jsonp.createObjectBuilder().add("id", id).build(),
                CatalogQueries.BULK_STATUS_COST);
        if (!(data.get("bulkOperation") instanceof JsonObject operation)) {
            // Shopify knows no such operation (any more): as expired.
            return new Status("EXPIRED", null, -1, 0, null);
        }
        return new Status(operation.getString("status", "FAILED"),
                operation.get("errorCode") instanceof JsonString code ? code.getString() : null,
                count(operation, "objectCount"), count(operation, "rootObjectCount"),
                operation.get("url") instanceof JsonString url ? url.getString() : null);
    }

    /** Reads a finished operation's file into {@code read}; answers what went wrong when it could not. */
    private Optional<String> collect(BulkPart part, String id, Status status, BulkAssembly assembly,
                                     Map<BulkPart, BulkAssembly.Lines> read) {
        if ("ACCESS_DENIED".equals(status.errorCode())) {
            records.forget(shop);
            // Shopify's bulk answer names no field ("execute the query as a normal non-bulk GraphQL request to see
            // more details", BulkOperationErrorCode): the catalog's own scopes are what it needs.
            throw new ShopifyAccessDeniedException(shop, "bulk " + part.name().toLowerCase(Locale.ROOT),
                    List.of("ACCESS_DENIED"), List.of("`read_products` and `read_discounts` access scopes"));
        }
        if (!status.status().equals("COMPLETED")) {
            return Optional.of(status.status() + (status.errorCode() == null ? "" : " (" + status.errorCode() + ")"));
        }
        if (status.url() == null) {
            // Completed with nothing to read: Shopify gives no url when the query matched no object.
            if (status.objectCount() == 0) {
                read.put(part, BulkAssembly.Lines.empty());
                return Optional.empty();
            }
            return Optional.of("COMPLETED without a result address");
        }
        String url = status.url();
        for (int download = 1; download <= 2; download++) {
            try (InputStream in = downloads.open(url)) {
                read.put(part, assembly.read(in, status.objectCount(), downloads.limits().maxBytes(), downloads.limits().maxLineBytes()));
                return Optional.empty();
            } catch (Gone e) {
                // An expired address: Shopify signs a fresh one each time the operation is read.
                Status again = status(id);
                if (!again.status().equals("COMPLETED") || again.url() == null) {
                    return Optional.of("its result expired (" + again.status() + ")");
                }
                url = again.url();
            } catch (BulkAssembly.Unusable e) {
                return Optional.of("its file was unusable: " + e.getMessage());
            } catch (IOException e) {
                LOGGER.log(System.Logger.Level.WARNING, "Download of bulk operation " + id + " of " + shop + " failed", e);
                throw new ShopifyUnavailableException("the bulk operation's result could not be downloaded", e);
            }
        }
        return Optional.of("its result address kept failing");
    }

    private static long count(JsonObject operation, String field) {
        JsonValue value = operation.get(field);
        if (value instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return value instanceof jakarta.json.JsonNumber n ? n.longValue() : -1;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
