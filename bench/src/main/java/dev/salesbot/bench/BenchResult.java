package dev.salesbot.bench;

import java.util.Locale;

/**
 * The figures of one run. The lower bound uses the actual cost: the sandbox (like Shopify) takes
 * the requested cost up front but refunds the unused part at once, so only the actual cost drains
 * the bucket; a full bucket pays its capacity immediately, the rest comes at the restore rate.
 */
record BenchResult(int products, int variants, int bucket, int restore, double elapsedSeconds,
                   double fetchSeconds,
                   long requestedCost, long actualCost, double lowerBoundSeconds, long requests, long throttled,
                   int retries, double pacedSeconds, long poolPeakSumBytes, long peakHeapBytes, long liveHeapBytes, long gcCount, long gcMillis,
                   long maxHeapBytes, int snapshotBytes) {

    double ratio() {
        return lowerBoundSeconds > 0 ? elapsedSeconds / lowerBoundSeconds : Double.NaN;
    }

    /** One line of the table bench/run.sh prints; its header is there. */
    String row() {
        return String.format(Locale.ROOT, "%d\t%d\t%d\t%d\t%.1f\t%d\t%d\t%.1f\t%.3f\t%d\t%d\t%.0f\t%.0f\t%.0f\t%d\t%.1f",
                products, variants, bucket, restore, elapsedSeconds, requestedCost, actualCost, lowerBoundSeconds,
                ratio(), requests, throttled, mb(peakHeapBytes), mb(poolPeakSumBytes), mb(liveHeapBytes), gcCount, mb(snapshotBytes));
    }

    String describe() {
        return String.format(Locale.ROOT, """
                %,d products (%,d variants), bucket %,d points, restore %,d points/s
                  elapsed (first request to snapshot written) %.1f s (fetch %.1f s, serialise and write %.1f s)
                  query cost: requested %,d, actual %,d (sandbox totals)
                  lower bound (actual − bucket) ÷ restore      %.1f s
                  ratio elapsed ÷ lower bound                  %.3f
                  requests %,d, THROTTLED %d, retries %d, paced waits %.1f s
                  peak heap %.0f MB in use (-Xmx %.0f MB); sum of heap pool peaks %.0f MB; live %.0f MB (most left after a GC)
                  %d GCs taking %d ms
                  snapshot %.1f MB""",
                products, variants, bucket, restore, elapsedSeconds, fetchSeconds, elapsedSeconds - fetchSeconds,
                requestedCost, actualCost, lowerBoundSeconds, ratio(), requests, throttled, retries, pacedSeconds, mb(peakHeapBytes), mb(maxHeapBytes), mb(poolPeakSumBytes), mb(liveHeapBytes), gcCount,
                gcMillis, mb(snapshotBytes));
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
