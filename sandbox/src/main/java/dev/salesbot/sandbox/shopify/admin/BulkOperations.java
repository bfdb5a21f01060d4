package dev.salesbot.sandbox.shopify.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One store's bulk query operations, as Shopify runs them
 * (https://shopify.dev/docs/api/usage/bulk-operations/queries, API 2026-10):
 * {@code bulkOperationRunQuery} checks the query ({@link BulkQueryRules}) and answers
 * {@code userErrors} ({@code INVALID}; {@code LIMIT_REACHED} when five are already running: from
 * 2026-01 up to five bulk queries run per shop at once); the operation is {@code CREATED}, then
 * {@code RUNNING} after the start latency, and processes its objects at a fixed rate, writing
 * JSONL ({@link BulkLines}) to a file served at an expiring address of its own
 * ({@link BulkResults}: not the shop's host, no Shopify token). It ends {@code COMPLETED} with
 * {@code url}, {@code objectCount}, {@code rootObjectCount} and {@code fileSize}; or
 * {@code FAILED} with {@code errorCode} ({@code ACCESS_DENIED} when the query reads what the grant
 * does not cover; injected {@code INTERNAL_SERVER_ERROR} or {@code TIMEOUT}, with a
 * {@code partialDataUrl} when asked); or {@code CANCELED}; then {@code EXPIRED} once its address
 * expires (seven days on Shopify: "url and partialDataUrl values expire after seven days",
 * https://shopify.dev/docs/api/admin-graphql/2026-10/objects/BulkOperation). Every end sends
 * {@code bulk_operations/finish} (topic {@code BULK_OPERATIONS_FINISH}: "notifications when a Bulk
 * Operation has completed, failed, or been cancelled",
 * https://shopify.dev/changelog/new-webhook-topic-notifies-when-a-bulk-operation-has-finished)
 * unless the knob drops it; its payload fields ({@code admin_graphql_api_id}, {@code status},
 * {@code error_code}, {@code created_at}, {@code completed_at}, {@code type}) are not quoted from a
 * Shopify page.
 *
 * <p>Rate: Shopify publishes none; it depends on the query and the shop's load. The sandbox
 * defaults to {@value #DEFAULT_OBJECTS_PER_SECOND} objects a second after
 * {@value #DEFAULT_START_MILLIS} ms, slow enough that a 10,000-product catalog (about 95,000
 * objects, most of them variants and discount codes) takes about a minute and a half, so that
 * waiting, resuming after a restart and the finish webhook are exercised for real; {@code SANDBOX_SHOPIFY_BULK_OBJECTS_PER_SECOND} and
 * {@code SANDBOX_SHOPIFY_BULK_START_MILLIS} change it. The {@code hold} knob keeps operations
 * {@code RUNNING} once their objects are read, until it is released (at most 10 minutes), so that a
 * test decides when they end.
 */
final class BulkOperations {

    static final int MAX_RUNNING = 5;
    static final double DEFAULT_OBJECTS_PER_SECOND = 1000;
    static final long DEFAULT_START_MILLIS = 2000;
    static final long DEFAULT_URL_SECONDS = 7L * 24 * 3600;
    /** Roots executed at a time: bounds the sandbox's memory for any catalog size. */
    static final int WINDOW = 200;

    private static final System.Logger LOGGER = System.getLogger(BulkOperations.class.getName());
    private static final AtomicLong IDS = new AtomicLong(4_410_000_000L);
    private static final ScheduledExecutorService RUNNER = runner();

    enum Status { CREATED, RUNNING, COMPLETED, FAILED, CANCELED, EXPIRED }

    /** Runs one window of the query; {@link AdminGraphql#executeBulk}. */
    interface Executor {
        AdminGraphql.BulkChunk execute(SandboxShop shop, String query, Set<String> granted, BulkWindow window);
    }

    /** What the next operations will meet (the control endpoint sets it; counts are used up one per operation). */
    static final class Knobs {
        volatile double objectsPerSecond = DEFAULT_OBJECTS_PER_SECOND;
        volatile long startMillis = DEFAULT_START_MILLIS;
        volatile long urlSeconds = DEFAULT_URL_SECONDS;
        int failNext;
        String errorCode = "INTERNAL_SERVER_ERROR";
        boolean partial;
        int cancelNext;
        int dropFinishNext;
        /** While true, operations that have read their objects stay {@code RUNNING}: a test decides when they end. */
        volatile boolean hold;
    }

    /** One operation; its fields are read by the GraphQL view and written by the runner. */
    static final class Operation {
        final long id;
        final String query;
        final boolean groupObjects;
        final Instant createdAt;
        final Set<String> granted;
        volatile Status status = Status.CREATED;
        volatile long objectCount;
        volatile long rootObjectCount;
        volatile long fileSize;
        volatile String errorCode;
        volatile Instant completedAt;
        volatile String resultToken;
        volatile String partialToken;
        volatile Instant expiresAt;
        volatile boolean cancelRequested;

        Operation(long id, String query, boolean groupObjects, Instant createdAt, Set<String> granted) {
            this.id = id;
            this.query = query;
            this.groupObjects = groupObjects;
            this.createdAt = createdAt;
            this.granted = granted;
        }

        String gid() {
            return Ids.gid("BulkOperation", id);
        }
    }

    private final SandboxShop shop;
    private final InstantSource clock;
    private final Map<Long, Operation> operations = new ConcurrentHashMap<>();
    private final Knobs knobs = new Knobs();
    private volatile BulkAccess access = new BulkAccess(true);
    private final AtomicLong runQueries = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();

    BulkOperations(SandboxShop shop, InstantSource clock) {
        this.shop = shop;
        this.clock = clock;
    }

    Knobs knobs() {
        return knobs;
    }

    /** How many {@code bulkOperationRunQuery} calls created an operation. */
    long started() {
        return runQueries.get();
    }

    /** Operations held {@code RUNNING} by the knob now, their objects read. */
    int held() {
        return held.get();
    }

    /** Objects written by every operation of the store so far. */
    long objects() {
        return operations.values().stream().mapToLong(o -> o.objectCount).sum();
    }

    /** The mutation: an operation, or the user errors that refused it. */
    /** The app's access to bulk queries, shared by every store ({@link SandboxShops}). */
    void access(BulkAccess access) {
        this.access = access;
    }

    synchronized Map<String, Object> run(String query, boolean groupObjects, Set<String> granted, AdminSchema schema,
                                         Executor executor) {
        if (!access.allowed()) {
            throw new BulkAccess.Denied();
        }
        List<Map<String, Object>> errors = BulkQueryRules.check(schema, query);
        if (!errors.isEmpty()) {
            return payload(null, errors);
        }
        long running = operations.values().stream().filter(o -> o.status == Status.CREATED || o.status == Status.RUNNING).count();
        if (running >= MAX_RUNNING) {
            return payload(null, List.of(BulkQueryRules.userError("LIMIT_REACHED",
                    "Bulk operations limit reached. Please try again later.")));
        }
        Operation operation = new Operation(IDS.addAndGet(1 + (System.nanoTime() & 7)), query, groupObjects,
                clock.instant().truncatedTo(ChronoUnit.SECONDS), Set.copyOf(granted));
        operations.put(operation.id, operation);
        runQueries.incrementAndGet();
        Plan plan = plan();
        Map<String, Object> created = view(operation); // as Shopify answers: CREATED, whatever happens next
        RUNNER.schedule(() -> process(operation, plan, executor), plan.startMillis, TimeUnit.MILLISECONDS);
        return payload(created, List.of());
    }

    /** The knobs as they apply to one new operation, counts used up. */
    private record Plan(double objectsPerSecond, long startMillis, long urlSeconds, String failWith, boolean partial,
                        boolean cancel, boolean dropFinish) {
    }

    private Plan plan() {
        synchronized (knobs) {
            String fail = null;
            boolean partial = false;
            if (knobs.failNext > 0) {
                knobs.failNext--;
                fail = knobs.errorCode;
                partial = knobs.partial;
            }
            boolean cancel = knobs.cancelNext > 0 && knobs.cancelNext-- > 0;
            boolean drop = knobs.dropFinishNext > 0 && knobs.dropFinishNext-- > 0;
            return new Plan(knobs.objectsPerSecond, knobs.startMillis, knobs.urlSeconds, fail, partial, cancel, drop);
        }
    }

    Optional<Operation> find(long id) {
        return Optional.ofNullable(operations.get(id)).map(this::expireIfDue);
    }

    private Operation expireIfDue(Operation operation) {
        if (operation.expiresAt != null && !clock.instant().isBefore(operation.expiresAt)
                && (operation.status == Status.COMPLETED || operation.status == Status.FAILED)) {
            operation.status = Status.EXPIRED;
            BulkResults.forget(operation.resultToken);
            BulkResults.forget(operation.partialToken);
        }
        return operation;
    }

    /** The {@code BulkOperation} object as the schema names its fields. */
    Map<String, Object> view(Operation operation) {
        expireIfDue(operation);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", operation.gid());
        view.put("status", operation.status.name());
        view.put("errorCode", operation.errorCode);
        view.put("createdAt", operation.createdAt.toString());
        view.put("completedAt", operation.completedAt == null ? null : operation.completedAt.toString());
        // UnsignedInt64 travels as a string, as on Shopify.
        view.put("objectCount", Long.toString(operation.objectCount));
        view.put("rootObjectCount", Long.toString(operation.rootObjectCount));
        view.put("fileSize", operation.status == Status.COMPLETED ? Long.toString(operation.fileSize) : null);
        boolean live = operation.status != Status.EXPIRED;
        view.put("url", live && operation.status == Status.COMPLETED ? BulkResults.url(shop.resultsBase(), operation.resultToken) : null);
        view.put("partialDataUrl", live && operation.partialToken != null ? BulkResults.url(shop.resultsBase(), operation.partialToken) : null);
        view.put("query", operation.query);
        view.put("type", "QUERY");
        return view;
    }

    private void process(Operation operation, Plan plan, Executor executor) {
        Path file = null;
        try {
            if (plan.cancel || operation.cancelRequested) {
                finish(operation, Status.CANCELED, null, null, plan);
                return;
            }
            operation.status = Status.RUNNING;
            file = Files.createTempFile("sandbox-bulk-" + operation.id + "-", ".jsonl");
            file.toFile().deleteOnExit();
            long started = System.nanoTime();
            Long after = null;
            long linesAtHalf = -1;
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                while (true) {
                    AdminGraphql.BulkChunk chunk = executor.execute(shop, operation.query, operation.granted, new BulkWindow(after, WINDOW));
                    if (!chunk.denied().isEmpty()) {
                        finish(operation, Status.FAILED, "ACCESS_DENIED", null, plan);
                        return;
                    }
                    if (!chunk.errors().isEmpty()) {
                        LOGGER.log(System.Logger.Level.WARNING, "Sandbox bulk operation {0} of {1}: execution errors {2}",
                                operation.id, shop.name(), chunk.errors());
                        finish(operation, Status.FAILED, "INTERNAL_SERVER_ERROR", null, plan);
                        return;
                    }
                    BulkLines.Result lines = BulkLines.write(chunk.data(), chunk.connections(), operation.groupObjects, out);
                    operation.objectCount += lines.objects();
                    operation.rootObjectCount += lines.roots();
                    pace(operation.objectCount, started, plan.objectsPerSecond);
                    if (operation.cancelRequested) {
                        finish(operation, Status.CANCELED, null, null, plan);
                        return;
                    }
                    if (lines.roots() < WINDOW || lines.lastRootId() == null) {
                        break;
                    }
                    after = lines.lastRootId();
                }
            }
            holdWhileAsked(operation);
            operation.fileSize = Files.size(file);
            if (plan.failWith != null) {
                Path partial = null;
                if (plan.partial) {
                    partial = half(file);
                }
                finish(operation, Status.FAILED, plan.failWith, partial, plan);
                Files.deleteIfExists(file);
                return;
            }
            operation.resultToken = BulkResults.register(file, clock);
            file = null;
            finish(operation, Status.COMPLETED, null, null, plan);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Sandbox bulk operation " + operation.id + " of " + shop.name() + " failed", e);
            finish(operation, Status.FAILED, "INTERNAL_SERVER_ERROR", null, plan);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file, deleted on exit anyway
                }
            }
        }
    }

    /** While the knob holds operations (at most 10 minutes), this one stays RUNNING with its objects read. */
    private void holdWhileAsked(Operation operation) {
        if (!knobs.hold) {
            return;
        }
        held.incrementAndGet();
        try {
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (knobs.hold && !operation.cancelRequested && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            held.decrementAndGet();
        }
    }

    /** The first half of the lines, as the partial data of a failed operation. */
    private static Path half(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Path partial = Files.createTempFile("sandbox-bulk-partial-", ".jsonl");
        partial.toFile().deleteOnExit();
        Files.write(partial, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
        return partial;
    }

    private void finish(Operation operation, Status status, String errorCode, Path partial, Plan plan) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (partial != null) {
            operation.partialToken = BulkResults.register(partial, clock);
        }
        operation.errorCode = errorCode;
        operation.completedAt = now;
        operation.expiresAt = clock.instant().plusSeconds(plan.urlSeconds);
        BulkResults.expireAt(operation.resultToken, operation.expiresAt);
        BulkResults.expireAt(operation.partialToken, operation.expiresAt);
        operation.status = status;
        LOGGER.log(System.Logger.Level.INFO, "Sandbox bulk operation {0} of {1}: {2}{3}, {4} objects",
                operation.gid(), shop.name(), status, errorCode == null ? "" : " (" + errorCode + ")", operation.objectCount);
        if (plan.dropFinish) {
            LOGGER.log(System.Logger.Level.INFO, "Sandbox bulk operation {0}: bulk_operations/finish dropped (knob)", operation.gid());
            return;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("admin_graphql_api_id", operation.gid());
        payload.put("completed_at", now.toString());
        payload.put("created_at", operation.createdAt.toString());
        payload.put("error_code", errorCode == null ? null : errorCode.toLowerCase(java.util.Locale.ROOT));
        payload.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        payload.put("type", "query");
        shop.emit("bulk_operations/finish", payload);
    }

    /** Sleeps until {@code objects} at {@code rate} a second would have taken since {@code started}. */
    private static void pace(long objects, long started, double rate) {
        if (rate <= 0) {
            return;
        }
        long due = started + (long) (objects / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.SECONDS.toNanos(600)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** {@code bulkOperationCancel}: a running operation stops at its next window. */
    Optional<Operation> cancel(long id) {
        Operation operation = operations.get(id);
        if (operation != null && (operation.status == Status.CREATED || operation.status == Status.RUNNING)) {
            operation.cancelRequested = true;
        }
        return Optional.ofNullable(operation);
    }

    static Map<String, Object> payload(Map<String, Object> operation, List<Map<String, Object>> userErrors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("bulkOperation", operation);
        payload.put("userErrors", new ArrayList<>(userErrors));
        return payload;
    }

    private static ScheduledExecutorService runner() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(MAX_RUNNING * 2, r -> {
            Thread thread = new Thread(r, "sandbox-bulk-operations");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
