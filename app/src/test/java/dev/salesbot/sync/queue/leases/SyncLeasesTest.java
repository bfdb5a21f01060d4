package dev.salesbot.sync.queue.leases;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claim and fencing rules of {@link SyncLeases}, over rows that behave as the table does (a
 * primary key on the target; updates conditional on their where clause; one clock, the
 * database's, for every server). The Arquillian and cluster tests run the same rules on H2 and
 * PostgreSQL.
 */
class SyncLeasesTest {

    /** The SYNC_LEASE table and the database's clock: target → (holder, expiresAt, generation). */
    static class TableRows extends SyncLeaseRows {
        record Row(String holder, long expiresAt, long generation) {
        }

        final Map<String, Row> rows = new HashMap<>();
        long databaseNow = 1_796_112_000_000L; // 2026-12-01T10:00:00Z

        void advance(Duration by) {
            databaseNow += by.toMillis();
        }

        @Override
        public synchronized OptionalLong claim(String target, String holder, long leaseMillis) {
            Row row = rows.get(target);
            if (row == null) {
                rows.put(target, new Row(holder, databaseNow + leaseMillis, 1));
                return OptionalLong.of(1);
            }
            if (row.expiresAt() >= databaseNow) {
                return OptionalLong.empty();
            }
            rows.put(target, new Row(holder, databaseNow + leaseMillis, row.generation() + 1));
            return OptionalLong.of(row.generation() + 1);
        }

        @Override
        public synchronized int extend(String target, String holder, long generation, long leaseMillis) {
            Row row = rows.get(target);
            if (row == null || !row.holder().equals(holder) || row.generation() != generation || row.expiresAt() < databaseNow) {
                return 0;
            }
            rows.put(target, new Row(holder, databaseNow + leaseMillis, generation));
            return 1;
        }

        @Override
        public int extendWith(String target, String holder, long generation, long leaseMillis) {
            return extend(target, holder, generation, leaseMillis);
        }

        @Override
        public synchronized void release(String target, String holder, long generation) {
            rows.computeIfPresent(target, (t, row) -> row.holder().equals(holder) && row.generation() == generation
                    ? new Row("", 0, generation) : row);
        }
    }

    final TableRows table = new TableRows();
    final SyncLeases serverA = server("server-a");
    final SyncLeases serverB = server("server-b");

    SyncLeases server(String name) {
        SyncLeases leases = new SyncLeases();
        leases.instance = dev.salesbot.sync.config.ServerInstance.named(name);
        leases.rows = table;
        leases.leaseSeconds = 120;
        return leases;
    }

    @Test
    void aTargetIsHeldByOneServerAtATime() {
        assertThat(serverA.claim("acme.myshopify.com")).isPresent();
        assertThat(serverB.claim("acme.myshopify.com")).isEmpty();
        assertThat(serverA.claim("acme.myshopify.com")).as("not even twice by its holder").isEmpty();
        assertThat(serverB.claim("101368371725791")).as("other targets are free").isPresent();
    }

    @Test
    void eachClaimOfATargetHasAHigherGenerationThanEveryOneBefore() {
        SyncLeases.Lease first = serverA.claim("acme.myshopify.com").orElseThrow();
        serverA.release(first);
        SyncLeases.Lease second = serverB.claim("acme.myshopify.com").orElseThrow();
        table.advance(Duration.ofSeconds(121)); // B stalls past its lease
        SyncLeases.Lease third = serverA.claim("acme.myshopify.com").orElseThrow();

        assertThat(first.generation()).isEqualTo(1);
        assertThat(second.generation()).isEqualTo(2);
        assertThat(third.generation()).isEqualTo(3);
        assertThat(table.rows.get("acme.myshopify.com").holder()).startsWith("server-a");
    }

    @Test
    void onlyTheHolderOfThatGenerationReleasesRenewsOrConfirms() {
        SyncLeases.Lease lease = serverA.claim("acme.myshopify.com").orElseThrow();
        serverB.release(serverB.new Lease("acme.myshopify.com", lease.generation()));
        SyncLeases.Lease forged = serverB.new Lease("acme.myshopify.com", lease.generation());
        assertThat(forged.renew()).isFalse();
        assertThatThrownBy(forged::confirm).isInstanceOf(LeaseLost.class).hasMessageContaining("acme.myshopify.com (generation 1)");
        assertThat(serverB.claim("acme.myshopify.com")).isEmpty();
        assertThat(lease.renew()).isTrue();
        lease.confirm();
    }

    @Test
    void aStalledServerLosesItsLeaseForGoodAndIsRefusedEveryWrite() {
        SyncLeases.Lease stalled = serverA.claim("acme.myshopify.com").orElseThrow();
        table.advance(Duration.ofSeconds(119));
        assertThat(serverB.claim("acme.myshopify.com")).as("still within the lease").isEmpty();
        table.advance(Duration.ofSeconds(2));
        SyncLeases.Lease taken = serverB.claim("acme.myshopify.com").orElseThrow();

        assertThat(stalled.renew()).as("the stalled server learns it lost it").isFalse();
        assertThat(stalled.lost()).isTrue();
        assertThatThrownBy(stalled::confirm).isInstanceOf(LeaseLost.class);
        assertThatThrownBy(stalled::confirmWithin).isInstanceOf(LeaseLost.class);
        serverA.release(stalled);
        assertThat(taken.renew()).as("the stalled server's release frees nothing of the new holder's").isTrue();
    }

    @Test
    void anExpiredLeaseNotYetTakenIsLostToo() {
        SyncLeases.Lease lease = serverA.claim("acme.myshopify.com").orElseThrow();
        table.advance(Duration.ofSeconds(121));
        assertThat(lease.renew()).as("expiry is decided by the database's clock, taken or not").isFalse();
        assertThat(lease.renew()).as("and stays lost").isFalse();
    }

    @Test
    void aRenewedOrConfirmedLeaseOutlivesTheFirstTerm() {
        SyncLeases.Lease lease = serverA.claim("acme.myshopify.com").orElseThrow();
        table.advance(Duration.ofSeconds(100));
        lease.renew();
        table.advance(Duration.ofSeconds(100));
        assertThat(serverB.claim("acme.myshopify.com")).isEmpty();
        lease.confirm();
        table.advance(Duration.ofSeconds(119));
        assertThat(serverB.claim("acme.myshopify.com")).as("a confirmation gives the write a whole lease").isEmpty();
    }

    @Test
    void aDatabaseFailureClaimsNothing() {
        SyncLeases leases = server("server-c");
        leases.rows = new TableRows() {
            @Override
            public synchronized OptionalLong claim(String target, String holder, long leaseMillis) {
                throw new IllegalStateException("connection refused");
            }
        };
        assertThat(leases.claim("acme.myshopify.com")).isEqualTo(Optional.empty());
    }
}
