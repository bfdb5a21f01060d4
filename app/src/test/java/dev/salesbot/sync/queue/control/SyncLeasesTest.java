package dev.salesbot.sync.queue.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim rules of {@link SyncLeases}, over rows that behave as the table does (a primary key on
 * the target; updates conditional on their where clause). The Arquillian and cluster tests run the
 * same rules on H2 and PostgreSQL.
 */
class SyncLeasesTest {

    /** The SYNC_LEASE table: target → (holder, expiresAt). */
    static class TableRows extends SyncLeaseRows {
        record Row(String holder, long expiresAt) {
        }

        final Map<String, Row> rows = new HashMap<>();

        @Override
        public synchronized int takeExpired(String target, String holder, long now, long until) {
            Row row = rows.get(target);
            if (row == null || row.expiresAt() >= now) {
                return 0;
            }
            rows.put(target, new Row(holder, until));
            return 1;
        }

        @Override
        public synchronized boolean insert(String target, String holder, long until) {
            if (rows.containsKey(target)) {
                throw new IllegalStateException("duplicate key value violates unique constraint \"sync_lease_pkey\"");
            }
            rows.put(target, new Row(holder, until));
            return true;
        }

        @Override
        public synchronized int renew(Collection<String> targets, String holder, long until) {
            int renewed = 0;
            for (String target : targets) {
                Row row = rows.get(target);
                if (row != null && row.holder().equals(holder)) {
                    rows.put(target, new Row(holder, until));
                    renewed++;
                }
            }
            return renewed;
        }

        @Override
        public synchronized void release(String target, String holder) {
            rows.computeIfPresent(target, (t, row) -> row.holder().equals(holder) ? null : row);
        }
    }

    final TableRows table = new TableRows();
    final MutableClock time = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final SyncLeases serverA = server("server-a");
    final SyncLeases serverB = server("server-b");

    SyncLeases server(String name) {
        SyncLeases leases = new SyncLeases();
        leases.instance = dev.salesbot.sync.config.ServerInstance.named(name);
        leases.rows = table;
        leases.leaseSeconds = 120;
        leases.clock = time;
        return leases;
    }

    @Test
    void aTargetIsHeldByOneServerAtATime() {
        assertThat(serverA.claim("acme.myshopify.com")).isTrue();
        assertThat(serverB.claim("acme.myshopify.com")).isFalse();
        assertThat(serverA.claim("acme.myshopify.com")).as("not even twice by its holder").isFalse();
        assertThat(serverB.claim("101368371725791")).as("other targets are free").isTrue();
    }

    @Test
    void aReleasedTargetCanBeClaimedByAnother() {
        serverA.claim("acme.myshopify.com");
        serverA.release("acme.myshopify.com");
        assertThat(serverB.claim("acme.myshopify.com")).isTrue();
    }

    @Test
    void onlyTheHolderReleasesOrRenews() {
        serverA.claim("acme.myshopify.com");
        serverB.release("acme.myshopify.com");
        assertThat(serverB.renew(List.of("acme.myshopify.com"))).isZero();
        assertThat(serverB.claim("acme.myshopify.com")).isFalse();
        assertThat(serverA.renew(List.of("acme.myshopify.com"))).isEqualTo(1);
    }

    @Test
    void aDeadServersLeaseExpiresAndIsTakenOver() {
        serverA.claim("acme.myshopify.com");
        time.advance(Duration.ofSeconds(119));
        assertThat(serverB.claim("acme.myshopify.com")).as("still within the lease").isFalse();
        time.advance(Duration.ofSeconds(2));
        assertThat(serverB.claim("acme.myshopify.com")).as("after SYNC_LEASE_SECONDS").isTrue();
        assertThat(serverA.renew(List.of("acme.myshopify.com"))).as("the stalled server learns it lost it").isZero();
    }

    @Test
    void aRenewedLeaseOutlivesTheFirstTerm() {
        serverA.claim("acme.myshopify.com");
        time.advance(Duration.ofSeconds(100));
        serverA.renew(List.of("acme.myshopify.com"));
        time.advance(Duration.ofSeconds(100));
        assertThat(serverB.claim("acme.myshopify.com")).isFalse();
    }

    @Test
    void aDatabaseFailureClaimsNothing() {
        SyncLeases leases = server("server-c");
        leases.rows = new TableRows() {
            @Override
            public synchronized boolean insert(String target, String holder, long until) {
                throw new IllegalStateException("connection refused");
            }
        };
        assertThat(leases.claim("acme.myshopify.com")).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
