package dev.salesbot.sync.queue.leases;

/**
 * This server no longer holds the lease of the target it runs: it stalled past the lease (a long
 * pause, a lost database connection) and another server may have taken the target. The task stops
 * where it is, writes nothing more and records no outcome; the requests, still pending, are the
 * new holder's to run.
 */
public class LeaseLost extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LeaseLost(SyncLeases.Lease lease) {
        super("This server lost the lease of " + lease + ": another server may run it now");
    }
}
