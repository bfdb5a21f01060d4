package dev.salesbot.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A burst as a sender with a fixed number of connections makes it: {@code workers} threads, each
 * sending its share of the requests (request {@code i} by thread {@code i mod workers}) one after
 * the other, each as soon as the previous one was answered. A request's latency runs from its own
 * send to its answer. Bounded: each request has its own timeout ({@link FixedRateLoad#timed}), no
 * request is sent after {@code within}, and the threads are waited for a bounded time.
 */
final class Burst {

    /** No answer: not sent before the deadline, or its thread was still waiting when the burst was given up. */
    static final String UNANSWERED = "unanswered";

    /**
     * What one burst measured: answers by status ({@code 200}, {@code 503}, …, {@code timeout}, an
     * I/O failure's exception name, {@link #UNANSWERED}), the sorted latencies of the answered
     * ones, and the {@link System#nanoTime()} of the last answer.
     */
    record Result(int requests, Map<String, Long> statuses, long[] sortedNanos, long lastAnswer, double seconds) {

        long ok() {
            return statuses.getOrDefault("200", 0L);
        }

        double millis(double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(sortedNanos.length * percentile / 100) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double maxMillis() {
            return millis(100);
        }
    }

    private Burst() {
    }

    static Result run(HttpClient client, List<HttpRequest> requests, int workers, Duration within) throws InterruptedException {
        AtomicLongArray latency = new AtomicLongArray(requests.size());
        AtomicReferenceArray<String> status = new AtomicReferenceArray<>(requests.size());
        AtomicLong lastAnswer = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int w = 0; w < workers; w++) {
                int first = w;
                pool.execute(() -> {
                    for (int i = first; i < requests.size() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted(); i += workers) {
                        long sent = System.nanoTime();
                        String answer = send(client, requests.get(i));
                        if (answer == null) {
                            return; // interrupted: the burst was given up
                        }
                        long now = System.nanoTime();
                        latency.set(i, now - sent);
                        status.set(i, answer);
                        lastAnswer.accumulateAndGet(now, Math::max);
                    }
                });
            }
            pool.shutdown();
            // The last request sent before the deadline ends within its own timeout.
            pool.awaitTermination(within.toSeconds() + FixedRateLoad.REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return tally(requests.size(), latency, status, start, lastAnswer.get());
    }

    private static Result tally(int n, AtomicLongArray latency, AtomicReferenceArray<String> status, long start, long lastAnswer) {
        Map<String, Long> statuses = new TreeMap<>();
        long[] answered = new long[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            String s = status.get(i);
            statuses.merge(s == null ? UNANSWERED : s, 1L, Long::sum);
            if (s != null) {
                answered[count++] = latency.get(i);
            }
        }
        long[] sorted = Arrays.copyOf(answered, count);
        Arrays.sort(sorted);
        return new Result(n, statuses, sorted, lastAnswer, (Math.max(lastAnswer, start) - start) / 1e9);
    }

    /** The answer's status, {@code timeout}, or the I/O failure's exception name; null when interrupted. */
    private static String send(HttpClient client, HttpRequest request) {
        try {
            return Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
