package dev.salesbot.sync.storage.control;

import java.util.Optional;

/**
 * Where snapshots live: a Spaces bucket ({@code SpacesRepository}) or, with no bucket configured,
 * the same layout under {@code DATA_DIR} ({@code LocalDirectoryStore}). Exactly one is produced
 * for the application.
 */
public interface SnapshotStore {

    enum Outcome { WRITTEN, UNCHANGED }

    /**
     * Stores {@code json} (already canonical: the same content always gives the same bytes) at
     * {@code key} unless the object there already carries the same SHA-256; a private,
     * {@code application/json} object either way.
     *
     * @throws StorageUnavailableException when the backend cannot be reached or refuses
     */
    Outcome put(StorageKey key, byte[] json);

    /**
     * {@link #put(StorageKey, byte[])} for content spooled to disk ({@link SpooledJson}): its
     * hash is known without reading it again, and it is uploaded from the file (a large one in
     * parts where the backend takes parts).
     */
    Outcome put(StorageKey key, SpooledJson json);

    /**
     * Stores a primary object and a companion derived from it (a snapshot and its bot digest).
     * Answers {@code WRITTEN} if either was written. A backend that can carry the companion's hash
     * on the primary ({@code SpacesRepository}) checks both with one HEAD of the primary, and then
     * writes the companion first so that a current primary always vouches for a written companion;
     * this default checks and writes each object on its own, the primary first.
     */
    default Outcome putPair(StorageKey primary, SpooledJson primaryJson, StorageKey companion, SpooledJson companionJson) {
        Outcome first = put(primary, primaryJson);
        Outcome second = put(companion, companionJson);
        return first == Outcome.WRITTEN || second == Outcome.WRITTEN ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /** {@link #putPair(StorageKey, SpooledJson, StorageKey, SpooledJson)} of bytes in memory. */
    default Outcome putPair(StorageKey primary, byte[] primaryJson, StorageKey companion, byte[] companionJson) {
        try (SpooledJson p = SpooledJson.of(primaryJson); SpooledJson c = SpooledJson.of(companionJson)) {
            return putPair(primary, p, companion, c);
        }
    }

    /**
     * The stored bytes, if any. The full-sync write path never downloads; a partial sync reads the
     * snapshot it patches.
     */
    Optional<byte[]> get(StorageKey key);

    /**
     * The stored object copied to a spool file as it arrives (never held in memory): what a partial
     * sync of a large store patches. Empty when there is none.
     */
    Optional<SpooledJson> download(StorageKey key);

    /** Deletes the object (and its hash); answers false if there was none. */
    boolean delete(StorageKey key);

    /**
     * Checks that the store can be used now (the bucket answers, the directory is writable), for
     * the readiness check; sends no object request.
     *
     * @throws StorageUnavailableException saying what is wrong, without an endpoint or a secret
     */
    void probe();

    /** The requests sent so far (a local store counts the same operations on its files), for the metrics. */
    S3RequestCounter.Counts requestCounts();

    /** Where the object is, for people: {@code s3://bucket/key} or a file path. */
    String describe(StorageKey key);

    /** "Spaces" or "the local store", for the seed's log lines ("Updated data in Spaces for …"). */
    default String where() {
        return describe(StorageKey.shopifySnapshot(new java.util.UUID(0, 0))).startsWith("s3://") ? "Spaces" : "the local store";
    }
}
