package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.problems.control.Refusal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A platform's webhook intake: verified deliveries recorded by group commit ({@link GroupCommit}),
 * each answered only after the batch holding it committed and was made durable ({@link Flush}). A delivery is answered 200 only once
 * it is recorded; whatever keeps it from being recorded in time — intake full, its batch failed,
 * the commit slower than {@code answerWithin}, the server stopping — is refused as
 * {@link Refusal.Kind#OVERLOADED}, answered 503 with {@code Retry-After}, and the platform delivers it again (a delivery recorded
 * after all is then a duplicate, which does nothing). Nothing acknowledged is lost; nothing lost
 * is acknowledged.
 *
 * @param <T> a verified delivery, ready to record
 */
public final class Intake<T> implements AutoCloseable {

    /** Sizes of an intake, from settings. */
    public record Limits(int capacity, int maxBatch, Duration linger, Duration answerWithin) {
    }

    /** What records a platform's deliveries. */
    public interface Recorder<T> {
        /** Records a batch in one transaction: a receipt per delivery, in order. */
        List<Receipt> recordAll(List<T> batch);

        /** Whether the delivery is recorded already (its twin committed first). */
        boolean seen(T delivery);

        /** The delivery in a log line: no body, no secret. */
        String describe(T delivery);
    }

    /**
     * Makes what the batch's transaction committed durable before it is answered ({@link Durability});
     * when it throws, the batch is answered 503 (a delivery recorded after all is a duplicate when
     * the platform sends it again).
     */
    @FunctionalInterface
    public interface Flush {
        void flush() throws Exception;
    }

    /** The problem's slug of every refused delivery. */
    public static final String SLUG = "webhook-intake-busy";
    private static final System.Logger LOGGER = System.getLogger(Intake.class.getName());

    /** What the intake did since the server started, for the dashboard. */
    public record Stats(int depth, int capacity, long batches, long deliveries, long largestBatch, Map<String, Long> refused) {
    }

    private final LongAdder batchCount = new LongAdder();
    private final LongAdder deliveryCount = new LongAdder();
    private final LongAccumulator largest = new LongAccumulator(Math::max, 0);
    private final Map<String, LongAdder> refusedBy = new ConcurrentHashMap<>();
    private final GroupCommit<T, Receipt> group;
    private final Recorder<T> recorder;
    private final Flush flush;
    private final Duration answerWithin;
    private final Consumer<String> refusals;

    /**
     * @param batches  told each committed batch's size (a meter)
     * @param refusals told why each refused delivery was refused (a meter)
     */
    public Intake(String name, Limits limits, Recorder<T> recorder, Flush flush, IntConsumer batches, Consumer<String> refusals,
                  ThreadFactory threads) {
        this.recorder = recorder;
        this.flush = flush;
        this.answerWithin = limits.answerWithin();
        this.refusals = refusals;
        this.group = new GroupCommit<>(name, limits.capacity(), limits.maxBatch(), limits.linger(), this::commit, size -> {
            batchCount.increment();
            deliveryCount.add(size);
            largest.accumulate(size);
            batches.accept(size);
        }, threads);
    }

    /**
     * A batch in one transaction. When it fails as a whole (a twin delivery committed by another
     * server at the same moment fails it on the delivery's key; a database that stumbled), each
     * delivery is recorded again alone, so that one cannot hold back the others; one that still
     * fails is a duplicate if its twin is recorded, else not recorded (null: answered 503).
     */
    private List<Receipt> commit(List<T> batch) {
        List<Receipt> receipts = record(batch);
        try {
            flush.flush();
        } catch (Exception e) {
            LOGGER.log(System.Logger.Level.WARNING, "A batch of {0} webhook deliveries was committed but not made durable ({1}); "
                    + "answered 503 for the platform to deliver them again", batch.size(), e.toString());
            return java.util.Collections.nCopies(batch.size(), null);
        }
        return receipts;
    }

    private List<Receipt> record(List<T> batch) {
        try {
            return recorder.recordAll(batch);
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                return java.util.Collections.singletonList(alone(batch.get(0), e));
            }
            LOGGER.log(System.Logger.Level.WARNING, "A batch of {0} webhook deliveries could not be recorded ({1}); recording them one by one",
                    batch.size(), e.toString());
        }
        List<Receipt> receipts = new ArrayList<>(batch.size());
        for (T delivery : batch) {
            try {
                receipts.add(recorder.recordAll(List.of(delivery)).get(0));
            } catch (RuntimeException e) {
                receipts.add(alone(delivery, e));
            }
        }
        return receipts;
    }

    private Receipt alone(T delivery, RuntimeException failure) {
        try {
            if (recorder.seen(delivery)) {
                return Receipt.DUPLICATE;
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        LOGGER.log(System.Logger.Level.WARNING, "{0} could not be recorded; answered 503 for the platform to deliver it again: {1}",
                recorder.describe(delivery), failure.toString());
        return null;
    }

    /**
     * Records {@code delivery} with the others arriving now.
     *
     * @return what became of it, once recorded
     * @throws Refusal {@link Refusal.Kind#OVERLOADED} (503 with {@code Retry-After}) when it was not
     *                 recorded in time, or the intake is full or stopping
     */
    public Receipt record(T delivery) {
        CompletableFuture<Receipt> answer;
        try {
            answer = group.submit(delivery);
        } catch (GroupCommit.Full e) {
            throw refused("full", "Webhook intake is full (" + group.capacity() + " deliveries wait to be recorded); deliver it again later.", e);
        } catch (GroupCommit.Closed e) {
            throw refused("stopping", "The server is stopping; deliver it again later.", e);
        }
        try {
            Receipt receipt = answer.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
            if (receipt == null) {
                throw refused("failed", "The delivery could not be recorded; deliver it again later.", null);
            }
            return receipt;
        } catch (TimeoutException e) {
            throw refused("slow", "The delivery was not recorded within " + answerWithin.toMillis() + " ms; deliver it again later.", e);
        } catch (ExecutionException e) {
            throw refused(e.getCause() instanceof GroupCommit.Closed ? "stopping" : "failed",
                    "The delivery could not be recorded; deliver it again later.", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("stopping", "The server is stopping; deliver it again later.", e);
        }
    }

    /** {@code why}: {@code full}, {@code failed}, {@code slow} or {@code stopping}, the refusal meter's tag. */
    private Refusal refused(String why, String detail, Throwable cause) {
        refusedBy.computeIfAbsent(why, w -> new LongAdder()).increment();
        refusals.accept(why);
        return Refusal.overloaded(SLUG, detail, "full".equals(why) || "slow".equals(why) ? 5 : 10, cause);
    }

    public Stats stats() {
        Map<String, Long> refused = new TreeMap<>();
        refusedBy.forEach((why, n) -> refused.put(why, n.sum()));
        return new Stats(group.depth(), group.capacity(), batchCount.sum(), deliveryCount.sum(), largest.get(), refused);
    }

    /** Deliveries waiting for their batch now. */
    public int depth() {
        return group.depth();
    }

    @Override
    public void close() {
        group.close(answerWithin);
    }
}
