/**
 * Where snapshots are written: a DigitalOcean Spaces bucket ({@code SpacesRepository}, AWS SDK v2)
 * when {@code SPACES_BUCKET} is set, otherwise the same layout under {@code DATA_DIR}
 * ({@code LocalDirectoryStore}); {@code SnapshotStores} produces exactly one. The platforms' sync
 * handlers write, read and delete through {@code TargetObjects}, never the store itself.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Keys ({@code StorageKey}) are built from validated ids only: a merchant UUID and a
 * digits-only Page id. The local store still refuses a key that would resolve outside
 * {@code DATA_DIR} ({@code ..}, absolute, through a symbolic link).</li>
 * <li>Objects are private, {@code application/json}, canonical JSON ({@code CanonicalJson}, written
 * by hand so the bytes and hashes do not change with the server's JSON-P provider), with their
 * SHA-256 kept beside them (user metadata {@code sha256}; a sidecar {@code <name>.sha256} locally):
 * an unchanged snapshot costs one HEAD and no PUT. A write never downloads the object it replaces;
 * only a partial sync reads the stored snapshot it patches. A store's snapshot is written and read
 * as a {@code SpooledJson}: a temporary file ({@code java.io.tmpdir}, owner-only) with its size and
 * SHA-256 taken as it was written, uploaded from the file, in 16 MiB parts from 100 MB
 * (multipart: AWS's advice from 100 MB; a failed part is sent again alone; any failure aborts the
 * upload, so no parts are left to be billed), and downloaded into one; never whole in memory.</li>
 * <li>A backend failure is a {@code StorageUnavailableException} whose message names the key and a
 * plain reason only (it reaches merchants); the directory, endpoint, bucket and the SDK's detail
 * are logged, never a credential. A bucket without its key pair fails at selection, naming the
 * variable.</li>
 * <li>Every key ever written for a target — a store (its shop domain) or a Page (its id),
 * {@code StorageTarget} — is known: {@code TargetObjects} records it in {@code STORAGE_OBJECT}
 * ({@code StorageObjectRows}, its own committed transaction) before the object is written, so a
 * stop in between leaves a row for a key that may not exist, never an object no row knows; what
 * must hold before any write sits in its one {@code beforeWrite}. A target's deletion deletes every
 * recorded key (every merchant prefix a Page was written under) and the keys of its connection
 * now, then forgets the rows, each only if no write was recorded for it meanwhile; storage trouble
 * keeps every row for the retried deletion. A key names one target (a Page's key holds its id, a
 * store's key its merchant's UUID, which is that store's alone).</li>
 * </ul>
 *
 * <p><b>Decisions.</b> One {@code S3Client} ({@code UrlConnectionHttpClient}: no Apache or Netty
 * client in the WAR), closed by the producer's disposer. Request checksums only
 * {@code WHEN_REQUIRED}: S3-compatible stores do not all accept the SDK's aws-chunked uploads, and
 * the SigV4 payload hash protects the body. Path-style addressing only with an explicit
 * {@code SPACES_ENDPOINT}. Locally a sidecar file rather than an extended attribute (often missing
 * or off); every file is replaced by temp file, fsync and atomic rename, then a directory fsync,
 * the sidecar deleted before and rewritten after its object; folders {@code rwx------}, files
 * {@code rw-------}. Both stores are built from plain values, so unit tests need no CDI;
 * {@code S3RequestCounter} counts requests for tests and metrics.
 *
 * <p><b>Out of scope.</b> Assembling and patching snapshots (the platforms' {@code sync}
 * packages), when a target is deleted (the platforms' deletion handlers), retries (the queue), several processes sharing one {@code DATA_DIR}, presigned URLs,
 * parallel parts and bucket creation.
 */
package dev.salesbot.sync.storage;
