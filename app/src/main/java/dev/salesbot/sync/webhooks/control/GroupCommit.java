package dev.salesbot.sync.webhooks.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Group commit: items that arrive together are committed together. A caller {@link #submit}s an
 * item and waits on the answer; one committer thread takes the first waiting item, waits at most
 * {@code linger} for companions (or until {@code maxBatch} are there), and hands the batch to the
 * {@link Committer} in one call — one transaction, one log flush, where one item each would cost
 * one each. Each item's answer completes once its batch committed, with the committer's result for
 * it; when the committer throws, every item of the batch completes with that failure, and none may
 * be taken as done.
 *
 * <p>Never an unbounded queue: at most {@code capacity} items wait; a submit beyond that is
 * refused at once ({@link Full}), so that a caller can answer "come back later" while the platform
 * still waits for an answer, instead of queueing past its timeout.
 *
 * @param <T> what is committed
 * @param <R> what each item's answer is
 */
public final class GroupCommit<T, R> implements AutoCloseable {

    /** Commits a batch in one transaction; answers one result per item, in order. */
    @FunctionalInterface
    public interface Committer<T, R> {
        List<R> commit(List<T> batch) throws Exception;
    }

    /** Intake is full: the item was not taken. */
    public static final class Full extends RuntimeException {
        Full(int capacity) {
            super("intake full: " + capacity + " items wait to be committed", null, false, false);
        }
    }

    /** Intake is closed (the server stops): the item was not taken. */
    public static final class Closed extends RuntimeException {
        Closed() {
            super("intake closed", null, false, false);
        }
    }

    private record Waiting<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final BlockingQueue<Waiting<T, R>> queue;
    private final int capacity;
    private final int maxBatch;
    private final long lingerNanos;
    private final Committer<T, R> committer;
    private final IntConsumer batchSizes;
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * @param batchSizes told each batch's size after it committed (a meter); {@code n -> { }} for none
     */
    public GroupCommit(String name, int capacity, int maxBatch, Duration linger, Committer<T, R> committer,
                       IntConsumer batchSizes, ThreadFactory threads) {
        if (capacity < 1 || maxBatch < 1 || linger.isNegative()) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive, linger not negative");
        }
        this.capacity = capacity;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.committer = Objects.requireNonNull(committer);
        this.batchSizes = Objects.requireNonNull(batchSizes);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::run);
        this.thread.setName(name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Takes {@code item} for the next batch.
     *
     * @return its answer, completed once its batch committed (or failed)
     * @throws Full when {@code capacity} items wait already
     * @throws Closed when the intake is closed
     */
    public CompletableFuture<R> submit(T item) {
        if (!open) {
            throw new Closed();
        }
        CompletableFuture<R> answer = new CompletableFuture<>();
        if (!queue.offer(new Waiting<>(item, answer))) {
            throw new Full(capacity);
        }
        if (!open && queue.remove(new Waiting<>(item, answer))) {
            throw new Closed(); // closed meanwhile, and close() did not see it
        }
        return answer;
    }

    /** Items waiting for a batch now. */
    public int depth() {
        return queue.size();
    }

    public int capacity() {
        return capacity;
    }

    private void run() {
        List<Waiting<T, R>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            try {
                Waiting<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + lingerNanos;
                while (batch.size() < maxBatch) {
                    queue.drainTo(batch, maxBatch - batch.size());
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= maxBatch || left <= 0) {
                        break;
                    }
                    Waiting<T, R> next = queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Waiting<T, R>> batch) {
        List<T> items = batch.stream().map(Waiting::item).toList();
        List<R> results;
        try {
            results = committer.commit(items);
            if (results.size() != items.size()) {
                throw new IllegalStateException("the committer answered " + results.size() + " results for " + items.size() + " items");
            }
        } catch (Exception | Error e) {
            batch.forEach(w -> w.answer().completeExceptionally(e));
            return;
        }
        batchSizes.accept(items.size());
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer().complete(results.get(i));
        }
    }

    /**
     * Takes no more items; what waits is still committed, for at most {@code drain}; what is left
     * then is answered {@link Closed}.
     */
    public void close(Duration drain) {
        open = false;
        try {
            thread.join(Math.max(1, drain.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        Waiting<T, R> left;
        while ((left = queue.poll()) != null) {
            left.answer().completeExceptionally(new Closed());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
