package dev.salesbot.sync.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this server may touch its tables and connections: not before the database schema is
 * migrated, and never while a start-up check refuses (a failed or downgrading migration, a token
 * key that opens none of the stored tokens). The worker, the poll and every request ask it; the
 * readiness check says why not.
 */
@ApplicationScoped
public class StartupState {

    private volatile boolean migrated;
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /** The schema is what this version needs. */
    public void migrated() {
        migrated = true;
    }

    /** {@code check} refuses to let the server serve: {@code reason} says why and what to do. */
    public void refuse(String check, String reason) {
        refusals.put(check, reason);
    }

    public boolean ready() {
        return migrated && refusals.isEmpty();
    }

    /** Why the server is not ready, one reason per check (empty when it is, or while it is migrating). */
    public List<String> reasons() {
        return refusals.values().stream().sorted().toList();
    }

    /** Whether the schema migration has finished (well). */
    public boolean isMigrated() {
        return migrated;
    }
}
