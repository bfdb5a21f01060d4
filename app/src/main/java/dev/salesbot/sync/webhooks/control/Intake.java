package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.problems.control.Refusal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A platform's webhook intake: verified deliveries recorded by group commit ({@link GroupCommit}),
 * each answered only after the batch holding it committed. A delivery is answered 200 only once
 * it is recorded; whatever keeps it from being recorded in time — intake full, its batch failed,
 * the commit slower than {@code answerWithin}, the server stopping — is refused as
 * {@link Refusal.Kind#OVERLOADED}, answered 503 with {@code Retry-After}, and the platform delivers it again (a delivery recorded
 * after all is then a duplicate, which does nothing). Nothing acknowledged is lost; nothing lost
 * is acknowledged.
 *
 * <p>{@link #submit} never blocks: the request's thread goes back to the HTTP server while its
 * delivery waits for its batch (an asynchronous JAX-RS answer), so the deliveries waiting are
 * bounded by the intake's capacity, not by the server's threads, and a full intake is refused at
 * once instead of requests queueing in front of busy threads. Answers are completed (and so written,
 * an asynchronous answer being written by the thread that resumes it) on the intake's own
 * {@value #ANSWER_THREADS} threads, never on the committer's, which only commits, nor on the
 * container's shared executor, where a sync could keep them waiting.
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
    private final Duration answerWithin;
    private final Consumer<String> refusals;
    private final ExecutorService answers;

    /** Threads completing (and writing) the answers of one intake. */
    static final int ANSWER_THREADS = 2;

    /**
     * @param batches  told each committed batch's size (a meter)
     * @param refusals told why each refused delivery was refused (a meter)
     * @param threads  makes the committer's thread and the answers' ({@code ManagedThreadFactory} in a server)
     */
    public Intake(String name, Limits limits, Recorder<T> recorder, IntConsumer batches, Consumer<String> refusals, ThreadFactory threads) {
        this.recorder = recorder;
        this.answers = Executors.newFixedThreadPool(ANSWER_THREADS, task -> {
            Thread thread = threads.newThread(task);
            thread.setName(name + "-answers");
            thread.setDaemon(true);
            return thread;
        });
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
     * Takes {@code delivery} for the batch being gathered; never blocks.
     *
     * @return completed with its receipt once recorded, or exceptionally with a {@link Refusal} of
     *         kind {@link Refusal.Kind#OVERLOADED} (503 with {@code Retry-After}, never wrapped) when it
     *         was not recorded within {@code answerWithin}, its batch failed, or the intake is full or stopping
     */
    public CompletionStage<Receipt> submit(T delivery) {
        CompletableFuture<Receipt> answer;
        try {
            answer = group.submit(delivery);
        } catch (GroupCommit.Full e) {
            return CompletableFuture.failedFuture(refused("full",
                    "Webhook intake is full (" + group.capacity() + " deliveries wait to be recorded); deliver it again later.", e));
        } catch (GroupCommit.Closed e) {
            return CompletableFuture.failedFuture(refused("stopping", "The server is stopping; deliver it again later.", e));
        }
        CompletableFuture<Receipt> outcome = new CompletableFuture<>();
        answer.orTimeout(answerWithin.toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((receipt, failure) -> {
            if (failure == null && receipt != null) {
                outcome.complete(receipt);
            } else {
                outcome.completeExceptionally(refusal(failure));
            }
        }, this::answer);
        return outcome;
    }

    private void answer(Runnable task) {
        try {
            answers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // closed: an answer is never left incomplete
        }
    }

    /** As {@link #submit}, waiting for the answer. */
    public Receipt record(T delivery) {
        try {
            return submit(delivery).toCompletableFuture().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Refusal refusal) {
                throw refusal;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused("stopping", "The server is stopping; deliver it again later.", e);
        }
    }

    /** Why a delivery taken was not recorded in time: null (its batch failed and it was not recorded alone), a timeout, a stop, a failure. */
    private Refusal refusal(Throwable failure) {
        Throwable cause = failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return refused("slow", "The delivery was not recorded within " + answerWithin.toMillis() + " ms; deliver it again later.", cause);
        }
        if (cause instanceof GroupCommit.Closed) {
            return refused("stopping", "The server is stopping; deliver it again later.", cause);
        }
        return refused("failed", "The delivery could not be recorded; deliver it again later.", cause);
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
        answers.shutdown();
        try {
            if (!answers.awaitTermination(1, TimeUnit.SECONDS)) {
                answers.shutdownNow();
            }
        } catch (InterruptedException e) {
            answers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
