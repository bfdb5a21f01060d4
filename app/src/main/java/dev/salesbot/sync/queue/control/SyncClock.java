package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.config.StartupState;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * The worker's heartbeats, the work's and the leases': non-persistent EJB timers, the portable way to get a container-managed
 * thread every second (a scheduled executor started from a CDI start-up event runs without an
 * invocation context on Payara). It only delegates, as cargotracker's scheduler does.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SyncClock {

    @Inject
    SyncWorker worker;

    @Inject
    StartupState startup;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        if (startup.ready()) {
            worker.tick();
        }
    }

    /**
     * The leases' own timer: renewal never waits behind the worker's reads, purges or a slow
     * tick (bean-managed concurrency: the two timers' callbacks run side by side).
     */
    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void renewLeases() {
        worker.renewLeases();
    }
}
