package dev.salesbot.sync.poll.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * The poll's schedule: a non-persistent EJB timer every 30 seconds on every server (each server's
 * tick only takes slots no other server took), which only delegates to {@link Polls}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PollClock {

    @Inject
    Polls polls;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void tick() {
        polls.tick();
    }
}
