package dev.salesbot.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap over one run: the sum of each heap pool's peak usage since {@link #reset()}. Pools peak
 * at different moments, so the sum is an upper bound of the real peak: a conservative figure. It
 * also counts garbage not yet collected, so it also reports the largest heap left after a
 * collection: what the run really kept alive.
 */
final class HeapProbe {

    private final AtomicLong liveAfterGc = new AtomicLong();

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private long gcCountAtReset;
    private long gcMillisAtReset;

    HeapProbe() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    long used = heapPools.stream().map(MemoryPoolMXBean::getName).map(info.getMemoryUsageAfterGc()::get)
                            .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    liveAfterGc.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /** Starts from a collected heap, so the peak is the run's and not what warm-up left behind. */
    void reset() {
        System.gc();
        liveAfterGc.set(0);
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        gcCountAtReset = gcCount();
        gcMillisAtReset = gcMillis();
    }

    long peakBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** The most heap any collection of the run left in use (notifications arrive shortly after a GC). */
    long liveAfterGcBytes() {
        return liveAfterGc.get();
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
