package dev.salesbot.sync.queue.control;

import dev.salesbot.sync.config.ServerInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

/**
 * Claims on sync targets through the database, so that servers sharing it never run one target at
 * the same time: one {@code SYNC_LEASE} row per running target, taken by inserting it (the primary
 * key refuses a second) or by a conditional update of an expired one (the database serialises two
 * updates of one row; the second sees the first's lease and changes nothing). Portable JPA only:
 * no vendor SQL, no lock hints. The worker renews its leases while it runs them and deletes each
 * when its target is done; a server killed mid-sync leaves its lease to expire after
 * {@code SYNC_LEASE_SECONDS}, and its requests, still pending, are then run by another server.
 *
 * <p>Each write is its own transaction ({@link SyncLeaseRows}, {@code REQUIRES_NEW}): a claim must
 * be committed (visible to the other servers) before the work starts, and a refused insert must
 * not doom a caller's transaction.
 */
@ApplicationScoped
public class SyncLeases {

    private static final System.Logger LOGGER = System.getLogger(SyncLeases.class.getName());

    /** This server's name in the lease table: its instance name and a random part new per start ({@link ServerInstance#holder()}). */
    @Inject
    ServerInstance instance;

    @Inject
    @ConfigProperty(name = "SYNC_LEASE_SECONDS", defaultValue = "120")
    int leaseSeconds;

    @Inject
    SyncLeaseRows rows;

    Clock clock = Clock.systemUTC();

    public String holder() {
        return instance.holder();
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    /** Whether this server now holds {@code target}: an expired lease is taken over, a live one is left alone. */
    public boolean claim(String target) {
        long now = clock.millis();
        long until = now + lease().toMillis();
        if (rows.takeExpired(target, holder(), now, until) == 1) {
            return true;
        }
        try {
            return rows.insert(target, holder(), until);
        } catch (RuntimeException e) {
            // Another server inserted it first (the primary key refused ours): it is theirs.
            LOGGER.log(System.Logger.Level.DEBUG, "Lease of {0} taken by another server: {1}", target, e.toString());
            return false;
        }
    }

    /** Extends this server's leases of {@code targets}; answers how many it still held. */
    public int renew(Collection<String> targets) {
        return targets.isEmpty() ? 0 : rows.renew(targets, holder(), clock.millis() + lease().toMillis());
    }

    /** Gives {@code target} up (only if this server still holds it). */
    public void release(String target) {
        rows.release(target, holder());
    }
}
