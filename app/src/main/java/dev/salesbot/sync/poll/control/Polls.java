package dev.salesbot.sync.poll.control;

import dev.salesbot.sync.config.StartupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The daily poll, the safety net under the webhooks: every active connection gets a full
 * reconcile (a {@code SHOPIFY_FULL} or {@code FACEBOOK_PAGE} sync through the durable queue, so it
 * is retried, coalesced with webhook work, paced per store and run at most
 * {@code SYNC_CONCURRENCY} at a time by the worker) at least once per {@code POLL_INTERVAL_HOURS},
 * spread over the interval ({@link PollSpread}). Each due slot is taken by one server only
 * ({@link PollSlots#take}). Connections that are not active (needing a reconnect, uninstalled)
 * are not polled: their sync would only fail again.
 */
@ApplicationScoped
public class Polls {

    private static final System.Logger LOGGER = System.getLogger(Polls.class.getName());
    /** Slots taken per tick at most; the rest are due at the next tick. */
    static final int BATCH = 200;

    @Inject
    PollSlots slots;

    @Inject
    StartupState startup;

    @Inject
    @ConfigProperty(name = "POLL_INTERVAL_HOURS", defaultValue = "24")
    double intervalHours;

    Clock clock = Clock.systemUTC();

    private final AtomicBoolean ticking = new AtomicBoolean();

    /** The interval; with scheduled polls off ({@code POLL_INTERVAL_HOURS=0}), the default's, for poll now's next slots. */
    public Duration interval() {
        double hours = scheduled() ? intervalHours : 24;
        return Duration.ofMillis(Math.max(60_000L, (long) (hours * 3_600_000d)));
    }

    /** {@code POLL_INTERVAL_HOURS=0} (or less) turns the scheduled polls off; poll now still polls. */
    public boolean scheduled() {
        return intervalHours > 0;
    }

    private final AtomicBoolean warnedOff = new AtomicBoolean();

    /** One tick of the schedule: new connections get their slot, due slots are polled. */
    public void tick() {
        if (!scheduled()) {
            if (warnedOff.compareAndSet(false, true)) {
                LOGGER.log(System.Logger.Level.WARNING, "POLL_INTERVAL_HOURS={0}: scheduled polls are off; only poll now polls", intervalHours);
            }
            return;
        }
        if (!startup.ready()) {
            return;
        }
        if (!ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            addMissing();
            pollDue(BATCH);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Poll tick failed ({0}); the next tick tries again", e.toString());
        } finally {
            ticking.set(false);
        }
    }

    /**
     * Poll now: every active connection's full sync is recorded at once (the worker runs them
     * {@code SYNC_CONCURRENCY} at a time); answers how many were enqueued. Their next polls are
     * spread out again from here.
     */
    public int pollNow() {
        if (!startup.ready()) {
            throw new IllegalStateException("The server is not ready: " + String.join(" ", startup.reasons()));
        }
        addMissing();
        slots.allDueNow(clock.millis());
        int enqueued = 0;
        for (int rounds = 0; rounds < 10_000; rounds++) { // bounded: each round takes up to BATCH slots off "due"
            int taken = pollDue(BATCH);
            enqueued += taken;
            if (taken == 0 && slots.due(clock.millis(), 1).isEmpty()) {
                break;
            }
        }
        LOGGER.log(System.Logger.Level.INFO, "Poll now: {0} connection(s) enqueued", enqueued);
        return enqueued;
    }

    private void addMissing() {
        for (int rounds = 0; rounds < 100; rounds++) {
            int added;
            try {
                added = slots.addMissing(clock.millis(), interval(), BATCH);
            } catch (RuntimeException e) {
                // Another server added some of the same slots at the same moment; they exist now.
                LOGGER.log(System.Logger.Level.DEBUG, "Poll slots added concurrently: {0}", e.toString());
                return;
            }
            if (added < BATCH) {
                return;
            }
        }
    }

    private int pollDue(int limit) {
        long now = clock.millis();
        List<PollSlots.Due> due = slots.due(now, limit);
        int taken = 0;
        for (PollSlots.Due slot : due) {
            if (slots.take(slot, now, PollSpread.next(now, interval(), ThreadLocalRandom.current()))) {
                taken++;
            }
        }
        if (taken > 0) {
            LOGGER.log(System.Logger.Level.DEBUG, "Poll: {0} connection(s) enqueued", taken);
        }
        return taken;
    }
}
