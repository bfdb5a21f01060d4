package dev.salesbot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap over one run: the sum of each heap pool's peak usage since {@link #reset()}. Pools peak
 * at different moments, so the sum is an upper bound of the real peak: a conservative figure.
 */
final class HeapProbe {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private long gcCountAtReset;
    private long gcMillisAtReset;

    /** Starts from a collected heap, so the peak is the run's and not what warm-up left behind. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountAtReset = gcCount();
        gcMillisAtReset = gcMillis();
    }

    long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long collections() {
        return gcCount() - gcCountAtReset;
    }

    long collectionMillis() {
        return gcMillis() - gcMillisAtReset;
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
