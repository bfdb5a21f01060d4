package dev.salesbot.sync.config;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether this server may touch its tables and connections: only once every start-up check has
 * passed — {@code schema} (the database migrated to this version) and {@code keys} (the token key
 * opens what is stored) — and never while one refuses (as {@link ConfigurationCheck} does for a
 * malformed {@code TRUSTED_PROXIES}). The worker, the poll and every request ask
 * it; the readiness check says why not.
 */
@ApplicationScoped
public class StartupState {

    /** The checks every start must pass. */
    public static final Set<String> CHECKS = Set.of("schema", "keys");

    private final Set<String> passed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();

    /** {@code check} passed. */
    public void passed(String check) {
        passed.add(check);
    }

    /** {@code check} refuses to let the server serve: {@code reason} says why and what to do. */
    public void refuse(String check, String reason) {
        refusals.put(check, reason);
    }

    public boolean ready() {
        return refusals.isEmpty() && passed.containsAll(CHECKS);
    }

    /** Why the server is not ready, one reason per check (empty when it is, or while the checks run). */
    public List<String> reasons() {
        return refusals.values().stream().sorted().toList();
    }

    /** Whether the database schema is this version's. */
    public boolean isMigrated() {
        return passed.contains("schema");
    }
}
