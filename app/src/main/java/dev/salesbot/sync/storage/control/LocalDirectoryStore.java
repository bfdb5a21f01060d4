package dev.salesbot.sync.storage.control;

import static java.lang.System.Logger.Level.DEBUG;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The bucket layout under a local directory ({@code DATA_DIR}), for the embedded default and
 * development. The hash of each object lives in a sidecar file ({@code <name>.sha256}) so an
 * unchanged snapshot is not rewritten; every file is replaced by an atomic rename, so a reader
 * never sees half a file.
 */
public class LocalDirectoryStore implements SnapshotStore {

    private static final System.Logger LOGGER = System.getLogger(LocalDirectoryStore.class.getName());
    static final String SIDECAR_SUFFIX = ".sha256";
    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Path root;
    private final java.util.concurrent.atomic.AtomicLong checks = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();

    public LocalDirectoryStore(Path dataDir) {
        this.root = dataDir.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /*
     * Synchronized: the object and its sidecar are two files, and two writers of the same key
     * interleaving could leave a hash that does not match the object. One process owns a
     * DATA_DIR; writes are small and rare, so one lock costs nothing that matters.
     */
    @Override
    public Outcome put(StorageKey key, byte[] json) {
        return put(key, CanonicalJson.sha256Hex(json), target -> AtomicFiles.replace(target, json));
    }

    @Override
    public Outcome put(StorageKey key, SpooledJson json) {
        return put(key, json.sha256(), target -> AtomicFiles.replace(target, json.file()));
    }

    private interface Content {
        void writeTo(Path target) throws IOException;
    }

    private synchronized Outcome put(StorageKey key, String sha256, Content content) {
        var target = resolve(key);
        var sidecar = sidecarOf(target);
        checks.incrementAndGet();
        try {
            if (Files.isRegularFile(target) && sha256.equals(readSidecar(sidecar))) {
                LOGGER.log(DEBUG, "Unchanged, not rewritten: {0}", target);
                return Outcome.UNCHANGED;
            }
            var directory = target.getParent();
            createPrivateDirectories(directory);
            // Sidecar first out, last in: after a crash anywhere in between, the hash is either
            // absent (the next put rewrites) or matches the object, never a stale "unchanged".
            Files.deleteIfExists(sidecar);
            writes.incrementAndGet();
            content.writeTo(target);
            AtomicFiles.replace(sidecar, sha256.getBytes(StandardCharsets.US_ASCII));
            LOGGER.log(DEBUG, "Written: {0}", target);
            return Outcome.WRITTEN;
        } catch (IOException e) {
            throw unavailable("write", key, target, e);
        }
    }

    @Override
    public Optional<SpooledJson> download(StorageKey key) {
        var target = resolve(key);
        reads.incrementAndGet();
        try (var in = Files.newInputStream(target); SpooledJson.Writer writer = SpooledJson.writer()) {
            in.transferTo(writer);
            return Optional.of(writer.finish());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("read", key, target, e);
        }
    }

    @Override
    public Optional<byte[]> get(StorageKey key) {
        var target = resolve(key);
        reads.incrementAndGet();
        try {
            return Optional.of(Files.readAllBytes(target));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unavailable("read", key, target, e);
        }
    }

    private StorageUnavailableException unavailable(String operation, StorageKey key, Path target, IOException e) {
        LOGGER.log(System.Logger.Level.WARNING, "Cannot {0} {1} in DATA_DIR {2}: {3}", operation, target, root, e.toString());
        return new StorageUnavailableException(operation, key, "the local storage directory cannot be used", e);
    }

    @Override
    public synchronized boolean delete(StorageKey key) {
        var target = resolve(key);
        try {
            Files.deleteIfExists(sidecarOf(target));
            return Files.deleteIfExists(target);
        } catch (IOException e) {
            throw unavailable("delete", key, target, e);
        }
    }

    /** The directory exists (or can be made) and a file can be written in it and removed again. */
    @Override
    public void probe() {
        Path probe = root.resolve(".probe-" + java.util.UUID.randomUUID());
        try {
            createPrivateDirectories(root);
            Files.write(probe, new byte[0]);
            Files.delete(probe);
        } catch (IOException | RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "DATA_DIR {0} cannot be written: {1}", root, e.toString());
            throw new StorageUnavailableException("probe", null, "the local storage directory cannot be written", e);
        }
    }

    @Override
    public S3RequestCounter.Counts requestCounts() {
        return new S3RequestCounter.Counts(checks.get(), writes.get(), reads.get());
    }

    @Override
    public String describe(StorageKey key) {
        return resolve(key).toString();
    }

    /**
     * Keys come from validated ids, but {@link StorageKey}'s constructor is public: refuse
     * anything that would land outside {@code DATA_DIR} (absolute, {@code ..}, or through a
     * symbolic link that leads out).
     */
    Path resolve(StorageKey key) {
        var relative = Path.of(key.value());
        var target = root.resolve(relative).normalize();
        if (relative.isAbsolute() || !target.startsWith(root) || target.getNameCount() <= root.getNameCount()) {
            throw new IllegalArgumentException("Storage key resolves outside DATA_DIR: " + key);
        }
        refuseLinksOutOfRoot(key, target);
        return target;
    }

    private void refuseLinksOutOfRoot(StorageKey key, Path target) {
        // The deepest existing ancestor decides where the file really lands.
        var existing = target;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.exists(root)) {
            return;
        }
        try {
            if (!existing.toRealPath().startsWith(root.toRealPath())) {
                throw new IllegalArgumentException("Storage path leaves DATA_DIR through a link: " + target);
            }
        } catch (IOException e) {
            throw unavailable("inspect", key, existing, e);
        }
    }

    private static Path sidecarOf(Path target) {
        return target.resolveSibling(target.getFileName() + SIDECAR_SUFFIX);
    }

    private static String readSidecar(Path sidecar) throws IOException {
        try {
            return Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        var existing = directory;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // Only directories created here get rwx------; an existing DATA_DIR keeps its mode.
            Files.createDirectories(directory, OWNER_ONLY_DIRECTORY);
        } else {
            Files.createDirectories(directory);
        }
    }
}
