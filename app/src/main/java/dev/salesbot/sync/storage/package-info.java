/**
 * Storage: where snapshots are written. The bot reads them from a DigitalOcean Spaces bucket;
 * with no bucket configured the same layout lives under a local directory.
 *
 * <h2>Purpose</h2>
 * {@code control.SnapshotStore} takes canonical JSON bytes for a {@code control.StorageKey} and
 * stores them unless the stored object already has the same content. {@code SnapshotStores}
 * produces exactly one store for the application: {@code SpacesRepository} when
 * {@code SPACES_BUCKET} is set and not blank, otherwise {@code LocalDirectoryStore} under
 * {@code DATA_DIR} (default {@code ./data}).
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>Keys are built from validated ids only: a merchant {@code UUID} and a digits-only page id.
 *     The local store still refuses any key that would resolve outside {@code DATA_DIR}
 *     ({@code ..}, absolute, through a symbolic link), because {@code StorageKey}'s constructor
 *     is public.</li>
 * <li>Objects are private ({@code ACL private}) and {@code application/json}.</li>
 * <li>The SHA-256 (lower-case hex) of the canonical bytes ({@code CanonicalJson}) is kept with
 *     the object: user metadata {@code sha256} in the bucket, a sidecar {@code <name>.sha256}
 *     file locally. An unchanged snapshot costs one HEAD and no PUT.</li>
 * <li>The write path never downloads an object; {@code get} exists for people and tests.</li>
 * <li>Any failure of the backend is a {@code StorageUnavailableException} whose message names the
 *     key and a plain reason only ("the storage service could not be reached"): it reaches
 *     merchants. The directory, endpoint, bucket and the SDK's detail are logged (WARNING) by the
 *     store and kept in the cause; never a credential. The sync engine keeps the work pending and retries.
 *     A bucket without {@code SPACES_ACCESS_KEY} / {@code SPACES_SECRET_KEY} fails at selection
 *     with a message naming the variable.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>One {@code S3Client} (AWS SDK v2, {@code UrlConnectionHttpClient}: no Apache or Netty
 *     client in the WAR) per application, closed by the producer's disposer: a container never
 *     calls {@code @PreDestroy} on an instance a producer made.</li>
 * <li>Request checksums only {@code WHEN_REQUIRED}: the SDK's default (since 2.30) sends
 *     aws-chunked uploads with CRC trailers, which S3-compatible stores do not all accept; the
 *     SigV4 payload hash already protects the body.</li>
 * <li>Path-style addressing only with an explicit {@code SPACES_ENDPOINT} (S3Proxy, MinIO);
 *     Spaces itself is addressed virtual-hosted, as its documentation shows.</li>
 * <li>Locally, a sidecar file rather than an extended attribute: extended attributes are missing
 *     or off on common file systems (tmpfs on older kernels, some overlay and network mounts, Docker
 *     volumes on macOS), and a sidecar is visible and easy to back up. The sidecar is deleted
 *     before the object is replaced and rewritten after it, so after a crash at any point it
 *     is absent (the next put rewrites) or matches the object. Every file is replaced by
 *     temp file + fsync + atomic rename in the same directory, then a directory fsync; created
 *     folders are {@code rwx------} and files {@code rw-------} where the file system has POSIX
 *     permissions. {@code put} is synchronized because the object and its sidecar are two files.</li>
 * <li>{@code CanonicalJson} is written by hand, not through a provider's generator, so the bytes
 *     (and so every stored hash) do not change with the application server's JSON-P provider.</li>
 * <li>Both stores are built from plain values ({@code SpacesConfig}, a {@code Path}) so unit
 *     tests construct them without CDI; {@code S3RequestCounter} counts HEAD, PUT and GET
 *     attempts for tests and metrics.</li>
 * </ul>
 *
 * <h2>Out of scope</h2>
 * Assembling and patching snapshots (the {@code sync} feature), retry and backoff (the pending
 * records of {@code sync}), deleting a merchant's objects, several processes sharing one
 * {@code DATA_DIR}, presigned URLs, multipart uploads (snapshots are small) and bucket creation
 * (the bucket is provisioned outside the application).
 */
package dev.salesbot.sync.storage;
