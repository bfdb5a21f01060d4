package dev.salesbot.sync.queue.control;

import java.time.Duration;
import java.util.Collection;

/** Leases of a server alone on its database, for unit tests of the worker: every claim succeeds. */
final class OneServer extends SyncLeases {

    @Override
    public String holder() {
        return "unit-test";
    }

    @Override
    public Duration lease() {
        return Duration.ofMinutes(2);
    }

    @Override
    public boolean claim(String target) {
        return true;
    }

    @Override
    public int renew(Collection<String> targets) {
        return targets.size();
    }

    @Override
    public void release(String target) {
        // nothing is held anywhere but here
    }
}
