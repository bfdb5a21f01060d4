package dev.salesbot.sync.queue.leases;

import dev.salesbot.sync.config.ServerInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Claims on sync targets through the database, so that servers sharing it never run one target at
 * the same time, and so that a server that lost its claim cannot write: one {@code SYNC_LEASE} row
 * per target, taken by inserting it (the primary key refuses a second) or by a conditional update
 * of an expired one (the database serialises two updates of one row; the second sees the first's
 * lease and changes nothing). Each claim has a generation, higher than every earlier claim of the
 * target (a fencing token), and every expiry is decided by the database's clock. The holder renews
 * its leases on a schedule of their own (the worker's {@code renewLeases()}), and confirms its
 * generation before each storage write and in the transaction that records a sync's outcome
 * ({@link Lease#confirm()}): a confirmation extends the lease by a whole lease, so the write that
 * follows has that long before any other server may take the target. A server killed or stalled
 * loses its lease after {@code SYNC_LEASE_SECONDS}; its requests, still pending, are then run by
 * another server, and whatever the stalled one tries once it wakes is refused. Portable JPA and
 * one portable native query (the database's clock): no vendor SQL, no lock hints.
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

    public String holder() {
        return instance.holder();
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    /** The lease this server now holds on {@code target}: an expired one taken over, or a first one; empty if another server holds it. */
    public Optional<Lease> claim(String target) {
        try {
            OptionalLong generation = rows.claim(target, holder(), lease().toMillis());
            return generation.isPresent() ? Optional.of(new Lease(target, generation.getAsLong())) : Optional.empty();
        } catch (RuntimeException e) {
            // Another server inserted it first (the primary key refused ours): it is theirs.
            LOGGER.log(System.Logger.Level.DEBUG, "Lease of {0} taken by another server: {1}", target, e.toString());
            return Optional.empty();
        }
    }

    /** Gives the lease up (only if this server still holds that generation). */
    public void release(Lease lease) {
        rows.release(lease.target(), holder(), lease.generation());
    }

    /**
     * One claim of one target by this server. {@link #renew()} and {@link #confirm()} extend it by a
     * whole lease from the database's now while this server still holds this generation; once
     * either finds it lost, it stays lost.
     */
    public final class Lease {

        private final String target;
        private final long generation;
        private volatile boolean lost;

        Lease(String target, long generation) {
            this.target = target;
            this.generation = generation;
        }

        public String target() {
            return target;
        }

        public long generation() {
            return generation;
        }

        public boolean lost() {
            return lost;
        }

        /** Extends the lease; false (and lost from now on) if this server no longer holds this generation. */
        public boolean renew() {
            if (!lost && rows.extend(target, holder(), generation, lease().toMillis()) == 1) {
                return true;
            }
            lost = true;
            return false;
        }

        /** Before a write: extends the lease, or throws {@link LeaseLost} if this server no longer holds it. */
        public void confirm() {
            if (!renew()) {
                throw new LeaseLost(this);
            }
        }

        /** As {@link #confirm()}, in the caller's transaction: what the caller writes with it commits only while this lease holds. */
        public void confirmWithin() {
            if (lost || rows.extendWith(target, holder(), generation, lease().toMillis()) != 1) {
                lost = true;
                throw new LeaseLost(this);
            }
        }

        @Override
        public String toString() {
            return target + " (generation " + generation + ")";
        }
    }
}
