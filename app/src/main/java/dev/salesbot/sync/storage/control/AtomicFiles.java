package dev.salesbot.sync.storage.control;

import static java.lang.System.Logger.Level.DEBUG;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Write-to-temp, fsync, rename: the file is either the old one or the new one. */
final class AtomicFiles {

    private static final System.Logger LOGGER = System.getLogger(AtomicFiles.class.getName());

    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {
    }

    static void replace(Path target, byte[] content) throws IOException {
        replace(target, channel -> {
            var buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** The content of {@code source} (a spooled snapshot), copied. */
    static void replace(Path target, Path source) throws IOException {
        replace(target, channel -> {
            try (var in = FileChannel.open(source, StandardOpenOption.READ)) {
                long size = in.size();
                for (long at = 0; at < size; ) {
                    at += in.transferTo(at, size - at, channel);
                }
            }
        });
    }

    private interface Writing {
        void into(FileChannel channel) throws IOException;
    }

    private static void replace(Path target, Writing content) throws IOException {
        var directory = target.getParent();
        // Same directory as the target: a rename is only atomic within one file system.
        var temp = posix(directory)
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp", OWNER_ONLY_FILE)
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                content.into(channel);
                channel.force(true);
            }
            move(temp, target);
            syncDirectory(directory);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + target.getParent() + " cannot rename atomically", e);
        }
    }

    private static boolean posix(Path directory) throws IOException {
        return Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    /** Makes the rename itself durable; not every platform can open a directory (Windows). */
    private static void syncDirectory(Path directory) {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOGGER.log(DEBUG, "Directory fsync not supported here: {0}", e.toString());
        }
    }
}
