package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.graphql.errors.ShopifyAccessDeniedException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyApiException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyQueryException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyThrottledException;
import dev.salesbot.sync.shopify.graphql.errors.ShopifyUnavailableException;
import dev.salesbot.sync.queue.control.Sleeper;
import dev.salesbot.sync.shopify.graphql.buckets.BucketBoard;
import dev.salesbot.sync.shopify.graphql.buckets.BucketReport;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends Admin queries for one shop through its {@link ThrottlePacer}: waits before a request the
 * bucket cannot pay, retries THROTTLED, 429 and 5xx within the {@link RetryPolicy}, and turns any
 * other GraphQL error into a {@link ShopifyQueryException} at once.
 */
public final class PacedGraphql {

    private static final System.Logger LOGGER = System.getLogger(PacedGraphql.class.getName());

    private final String shop;
    private final GraphqlTransport transport;
    private final ThrottlePacer pacer;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final BucketBoard board;
    private final boolean outsideLease;

    private int requests;
    private long requestedCost;
    private long actualCost;
    private int throttled;
    private int retries;
    private Duration waited = Duration.ZERO;

    public PacedGraphql(String shop, GraphqlTransport transport, ThrottlePacer pacer, RetryPolicy retry,
                      Sleeper sleeper, Clock clock) {
        this(shop, transport, pacer, retry, sleeper, clock, BucketBoard.NONE, false);
    }

    /**
     * {@code board} shares the shop's cost reports with the other servers; {@code outsideLease}
     * when this server does not hold the shop's sync lease for these calls (a callback's live read,
     * a console action): they then leave the holder its reserve ({@link ThrottlePacer#acquireOutsideLease}).
     */
    public PacedGraphql(String shop, GraphqlTransport transport, ThrottlePacer pacer, RetryPolicy retry,
                        Sleeper sleeper, Clock clock, BucketBoard board, boolean outsideLease) {
        this.board = board;
        this.outsideLease = outsideLease;
        this.shop = shop;
        this.transport = transport;
        this.pacer = pacer;
        this.retry = retry;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The answer's {@code data}; {@code expectedCost} is the query's requested cost, for pacing. */
    public JsonObject data(GraphqlQuery query, JsonObject variables, int expectedCost) {
        Instant started = clock.instant();
        for (int attempt = 1; ; attempt++) {
            waited = waited.plus(acquire(pacer.expectedCost(query.name(), expectedCost)));
            Instant sentAt = clock.instant();
            ShopifyApiException failure;
            Duration delay;
            try {
                requests++;
                JsonObject answer = transport.post(query.text(), variables);
                QueryCost cost = QueryCost.of(answer).orElse(null);
                if (cost != null) {
                    pacer.record(cost, clock.instant());
                    share(cost);
                    pacer.learnCost(query.name(), cost.requested());
                    requestedCost += cost.requested();
                    actualCost += cost.actual() == null ? 0 : cost.actual();
                }
                List<String> codes = errorCodes(answer);
                if (codes.isEmpty() && answer.get("data") instanceof JsonObject data) {
                    return data;
                }
                if (!codes.isEmpty() && codes.stream().allMatch("THROTTLED"::equals)) {
                    throttled++;
                    failure = new ShopifyThrottledException("Shopify kept throttling " + query.name() + " for " + shop, null);
                    // With a fresh bucket report the pacer computes the exact wait; jitter only spreads shops.
                    delay = cost != null ? retry.jitter() : retry.delayAfter(attempt);
                } else if (codes.contains("ACCESS_DENIED")) {
                    throw new ShopifyAccessDeniedException(shop, query.name(), errorMessages(answer), requiredAccess(answer));
                } else {
                    throw new ShopifyQueryException(shop, query.name(), errorMessages(answer));
                }
            } catch (ShopifyThrottledException e) {
                throttled++;
                failure = e;
                delay = e.retryAfter().orElse(retry.delayAfter(attempt));
            } catch (ShopifyUnavailableException e) {
                failure = e;
                delay = retry.delayAfter(attempt);
            }
            Duration spent = Duration.between(started, clock.instant()).plus(delay);
            if (attempt >= retry.maxAttempts() || spent.compareTo(retry.totalBudget()) > 0) {
                throw exhausted(query, attempt, failure);
            }
            retries++;
            LOGGER.log(System.Logger.Level.INFO, "Shopify {0} for {1} ({2}); retry {3} in {4} ms",
                    query.name(), shop, failure.getMessage(), attempt, delay.toMillis());
            if (!delay.isZero()) {
                waited = waited.plus(delay);
                sleeper.sleep(delay);
            }
        }
    }

    private Duration acquire(int cost) {
        if (outsideLease) {
            return pacer.acquireOutsideLease(cost, this::shared);
        }
        shared().ifPresent(pacer::merge);
        return pacer.acquire(cost);
    }

    /** The store's bucket restore rate (points a second) as Shopify last reported it; 0 before its first answer. */
    public double restoreRate() {
        return pacer.restoreRate();
    }

    /** The shared report; none when the board cannot be read (its transaction may fail at commit, past its own catch). */
    private java.util.Optional<BucketReport> shared() {
        try {
            return board.read(shop);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.DEBUG, "Shared bucket of {0} not read: {1}", shop, e.toString());
            return java.util.Optional.empty();
        }
    }

    private void share(QueryCost cost) {
        try {
            board.write(shop, cost.currentlyAvailable(), cost.maximumAvailable(), cost.restoreRate(), cost.requested());
        } catch (RuntimeException e) {
            // A first INSERT another server made at the same moment: its report is as good as ours.
            LOGGER.log(System.Logger.Level.DEBUG, "Shared bucket of {0} not written: {1}", shop, e.toString());
        }
    }

    public FetchStats stats() {
        return new FetchStats(requests, requestedCost, actualCost, throttled, retries, waited);
    }

    private ShopifyApiException exhausted(GraphqlQuery query, int attempts, ShopifyApiException last) {
        String message = "Shopify " + query.name() + " for " + shop + " still failing after " + attempts
                + " attempts: " + last.getMessage();
        if (last instanceof ShopifyThrottledException throttledException) {
            return new ShopifyThrottledException(message, throttledException.retryAfter().orElse(null));
        }
        return new ShopifyUnavailableException(message, last);
    }

    private static List<String> errorCodes(JsonObject answer) {
        List<String> codes = new ArrayList<>();
        for (JsonValue error : errors(answer)) {
            JsonObject extensions = error instanceof JsonObject o && o.get("extensions") instanceof JsonObject e ? e : null;
            codes.add(extensions != null && extensions.get("code") instanceof JsonString code ? code.getString() : "UNKNOWN");
        }
        return codes;
    }

    /** Shopify's {@code extensions.requiredAccess} of each ACCESS_DENIED error (its message when absent). */
    private static List<String> requiredAccess(JsonObject answer) {
        List<String> required = new ArrayList<>();
        for (JsonValue error : errors(answer)) {
            if (error instanceof JsonObject o && o.get("extensions") instanceof JsonObject e
                    && "ACCESS_DENIED".equals(e.getString("code", ""))) {
                String access = e.getString("requiredAccess", o.getString("message", "access denied"));
                if (!required.contains(access)) {
                    required.add(access);
                }
            }
        }
        return required;
    }

    private static List<String> errorMessages(JsonObject answer) {
        List<String> messages = new ArrayList<>();
        for (JsonValue error : errors(answer)) {
            messages.add(error instanceof JsonObject o && o.get("message") instanceof JsonString m
                    ? m.getString() : error.toString());
        }
        if (answer.get("errors") instanceof JsonString single) {
            messages.add(single.getString());
        }
        if (messages.isEmpty()) {
            messages.add("an answer without data");
        }
        return messages;
    }

    private static List<JsonValue> errors(JsonObject answer) {
        return answer.get("errors") instanceof jakarta.json.JsonArray array ? array : List.of();
    }
}
