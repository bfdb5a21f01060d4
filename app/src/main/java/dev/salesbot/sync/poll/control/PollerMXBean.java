package dev.salesbot.sync.poll.control;

/**
 * The poll's management interface, registered as {@code dev.salesbot.sync:type=Poller} in the
 * platform MBean server: JConsole, VisualVM, the server's own JMX tooling and the README's
 * {@code tools/PollNow.java} reach it, all of which need local access as the server's OS user (or
 * the server's authenticated remote JMX). Nothing on HTTP.
 */
public interface PollerMXBean {

    /** Records every active connection's full sync now; answers how many were enqueued. */
    int pollNow();

    /** How many connections have a poll slot. */
    long getPolledConnections();

    /** The poll interval in hours ({@code POLL_INTERVAL_HOURS}). */
    double getIntervalHours();
}
