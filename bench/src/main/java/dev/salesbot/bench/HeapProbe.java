package dev.salesbot.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap figures of one run, from {@link #reset()} on:
 * <ul>
 * <li>the sum of each heap pool's {@link MemoryPoolMXBean#getPeakUsage() peak usage}: pools peak at
 * different moments (eden just before a young GC, the old generation later), so this sum is an
 * upper bound that can exceed {@code -Xmx} itself;</li>
 * <li>the real peak: heap in use just before each collection (used only grows between two
 * collections) and at the end, the largest of these;</li>
 * <li>the live peak: the most heap any collection left in use, what the run really kept alive.</li>
 * </ul>
 */
final class HeapProbe {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    private final AtomicLong usedBeforeGc = new AtomicLong();
    private final AtomicLong liveAfterGc = new AtomicLong();
    private long gcCountAtReset;
    private long gcMillisAtReset;

    HeapProbe() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                    usedBeforeGc.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
                    liveAfterGc.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
                }
            }, null, null);
        }
    }

    /** Starts from a collected heap, so the figures are the run's and not what set-up left behind. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        usedBeforeGc.set(0);
        liveAfterGc.set(0);
        gcCountAtReset = gcCount();
        gcMillisAtReset = gcMillis();
    }

    long poolPeakSumBytes() {
        return heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    /** Notifications arrive shortly after each GC: read this after the run's last allocation. */
    long realPeakBytes() {
        long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return Math.max(now, usedBeforeGc.get());
    }

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

    private long heapUsed(Map<String, MemoryUsage> byPool) {
        return heapPools.stream().map(MemoryPoolMXBean::getName).map(byPool::get)
                .filter(Objects::nonNull).mapToLong(MemoryUsage::getUsed).sum();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
