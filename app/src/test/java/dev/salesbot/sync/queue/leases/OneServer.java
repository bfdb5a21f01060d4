package dev.salesbot.sync.queue.leases;

import java.time.Duration;
import java.util.OptionalLong;

/** Leases of a server alone on its database, for unit tests of the worker: every claim succeeds and holds until {@link #holds} says otherwise. */
public final class OneServer extends SyncLeases {

    /** False: another server took every lease this one holds (it stalled past them). */
    public volatile boolean holds = true;

    /** The targets whose lease was given back, in order. */
    public final java.util.List<String> released = new java.util.concurrent.CopyOnWriteArrayList<>();

    public OneServer() {
        rows = new SyncLeaseRows() {
            @Override
            public OptionalLong claim(String target, String holder, long leaseMillis) {
                return OptionalLong.of(1);
            }

            @Override
            public int extend(String target, String holder, long generation, long leaseMillis) {
                return holds ? 1 : 0;
            }

            @Override
            public int extendWith(String target, String holder, long generation, long leaseMillis) {
                return holds ? 1 : 0;
            }

            @Override
            public void release(String target, String holder, long generation) {
                released.add(target); // nothing is held anywhere but here
            }
        };
    }

    @Override
    public String holder() {
        return "unit-test";
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(2);
    }
}
