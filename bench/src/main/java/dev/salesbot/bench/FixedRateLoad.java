package dev.salesbot.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, is sent then
 * whatever the earlier ones are doing, and its latency is counted from when it was due (as wrk2
 * does), so a server that falls behind shows it in the percentiles instead of slowing the load
 * down. Latencies go into an HdrHistogram; bounded by the number of requests and a timeout.
 */
final class FixedRateLoad {

    /**
     * What one run measured. {@code ok} counts 2xx answers, {@code errors} everything else (other
     * statuses, timeouts, failed connections), of which {@code unavailable} the 503 answers (the
     * server refusing for now, with Retry-After). {@code throughput} counts ok answers per second of the run.
     */
    record Result(String name, int sent, long ok, long errors, long unavailable, Histogram latency, double seconds) {

        double throughput() {
            return ok / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        /**
         * Several runs of one endpoint as one: their counts and seconds added, their latencies in one
         * histogram (the percentiles of every request of every run).
         */
        static Result combined(String name, List<Result> runs) {
            Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            runs.forEach(r -> latency.add(r.latency()));
            return new Result(name, runs.stream().mapToInt(Result::sent).sum(), runs.stream().mapToLong(Result::ok).sum(),
                    runs.stream().mapToLong(Result::errors).sum(), runs.stream().mapToLong(Result::unavailable).sum(), latency,
                    runs.stream().mapToDouble(Result::seconds).sum());
        }

        String describe() {
            return String.format("%-22s sent %6d  ok %6d  errors %3d  %7.1f req/s  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  max %7.2f ms",
                    name, sent, ok, errors, throughput(), millis(50), millis(99), millis(99.9), latency.getMaxValue() / 1e6);
        }
    }

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private FixedRateLoad() {
    }

    /** Sends {@code requests} at {@code rate} per second and waits (bounded) for every answer. */
    static Result run(String name, HttpClient client, List<HttpRequest> requests, int rate) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong unavailable = new AtomicLong();
        AtomicLong lastAnswer = new AtomicLong();
        CountDownLatch answered = new CountDownLatch(requests.size());
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                latency.recordValue(Math.min(now - due, latency.getHighestTrackableValue()));
                if (failure == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    if (failure == null && response.statusCode() == 503) {
                        unavailable.incrementAndGet();
                    }
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                answered.countDown();
            });
        }
        if (!answered.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            errors.addAndGet(answered.getCount());
        }
        double seconds = (Math.max(lastAnswer.get(), start + requests.size() * period) - start) / 1e9;
        return new Result(name, requests.size(), ok.get(), errors.get(), unavailable.get(), latency, seconds);
    }

    static HttpRequest.Builder timed(HttpRequest.Builder request) {
        return request.timeout(REQUEST_TIMEOUT);
    }
}
