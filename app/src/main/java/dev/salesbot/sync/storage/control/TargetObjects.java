package dev.salesbot.sync.storage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The snapshots of stores and Pages, as the platforms' sync handlers write, read and delete them:
 * every write goes through {@link #beforeWrite}, which records its keys in the database first
 * ({@code STORAGE_OBJECT}, committed), and only then reaches the {@link SnapshotStore}. A stop
 * between the two leaves a row for a key that may not exist (deleting it is harmless), never an
 * object no row knows. A target's deletion deletes every key recorded for it, under every
 * merchant that held it, and only then forgets the rows: storage trouble keeps them for the
 * deletion's retry.
 */
@ApplicationScoped
public class TargetObjects {

    private SnapshotStore store;
    private StorageObjectRows rows;

    protected TargetObjects() {
        // for the CDI proxy
    }

    @Inject
    public TargetObjects(SnapshotStore store, StorageObjectRows rows) {
        this.store = store;
        this.rows = rows;
    }

    /**
     * {@link SnapshotStore#put}, its key recorded for {@code target} first.
     *
     * @throws StorageUnavailableException when the store cannot be used (the key stays recorded)
     */
    public SnapshotStore.Outcome put(StorageTarget target, StorageKey key, byte[] json) {
        beforeWrite(target, List.of(key));
        return store.put(key, json);
    }

    /** {@link SnapshotStore#putPair}, both keys recorded for {@code target} first. */
    public SnapshotStore.Outcome putPair(StorageTarget target, StorageKey primary, SpooledJson primaryJson,
                                         StorageKey companion, SpooledJson companionJson) {
        beforeWrite(target, List.of(primary, companion));
        return store.putPair(primary, primaryJson, companion, companionJson);
    }

    /** As above, for bytes in memory. */
    public SnapshotStore.Outcome putPair(StorageTarget target, StorageKey primary, byte[] primaryJson,
                                         StorageKey companion, byte[] companionJson) {
        beforeWrite(target, List.of(primary, companion));
        return store.putPair(primary, primaryJson, companion, companionJson);
    }

    /**
     * The one place every write passes before it reaches the store: what must hold before an
     * object may be written belongs here. A database failure throws, and nothing is written.
     */
    private void beforeWrite(StorageTarget target, List<StorageKey> keys) {
        rows.record(target, keys);
    }

    /**
     * Deletes every object recorded for {@code target} and {@code current} (the keys of the
     * target's connection now, recorded or not: a server of an older release may have written
     * them), then forgets the rows; answers how many objects existed.
     *
     * @throws StorageUnavailableException when the store cannot be used: every row is kept, and
     *                                     the retried deletion deletes what is left
     */
    public int delete(StorageTarget target, Collection<StorageKey> current) {
        List<StorageObjectRows.Row> recorded = rows.of(target);
        Set<StorageKey> keys = new LinkedHashSet<>(current);
        recorded.forEach(row -> keys.add(row.key()));
        int existed = 0;
        for (StorageKey key : keys) {
            if (store.delete(key)) {
                existed++;
            }
        }
        rows.forget(recorded);
        return existed;
    }

    /** The stored bytes, if any (a partial sync reads the snapshot it patches). */
    public Optional<byte[]> get(StorageKey key) {
        return store.get(key);
    }

    /** The stored object copied to a spool file, if any (what a partial sync patches). */
    public Optional<SpooledJson> download(StorageKey key) {
        return store.download(key);
    }

    /** "Spaces" or "the local store", for the seed's log lines. */
    public String where() {
        return store.where();
    }
}
