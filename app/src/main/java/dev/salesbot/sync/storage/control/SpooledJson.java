package dev.salesbot.sync.storage.control;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Canonical JSON written to a temporary file as it is produced, with its size and SHA-256 taken
 * on the way: a store's snapshot of 100,000 products (hundreds of megabytes) is written, hashed
 * and uploaded from disk, never held in memory. The file is the owner's only ({@code rw-------}
 * where the file system has POSIX modes), in {@code java.io.tmpdir}, and is deleted by
 * {@link #close()}.
 */
public final class SpooledJson implements AutoCloseable {

    private final Path file;
    private final long size;
    private final String sha256;

    private SpooledJson(Path file, long size, String sha256) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    /** A new, empty spool to write into. */
    public static Writer writer() {
        return new Writer(temporaryFile("salesbot-json-"));
    }

    /** Small JSON already in memory, spooled (a Page's snapshot, tests). */
    public static SpooledJson of(byte[] canonical) {
        try (Writer writer = writer()) {
            writer.write(canonical);
            return writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file of the spool directory, owner-only; the caller deletes it. */
    public static Path temporaryFile(String prefix) {
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            return Files.getFileStore(dir).supportsFileAttributeView("posix")
                    ? Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, prefix, ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file can be made in java.io.tmpdir", e);
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    /** Lower-case hex SHA-256 of the bytes, the form {@link CanonicalJson#sha256Hex} gives. */
    public String sha256() {
        return sha256;
    }

    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    /** The whole content; for small documents only (a caller checks {@link #size()} first). */
    public byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(SpooledJson.class.getName()).log(System.Logger.Level.WARNING, "Could not delete " + file + ": " + e);
        }
    }

    @Override
    public String toString() {
        return "SpooledJson[" + size + " bytes, sha256 " + sha256 + "]";
    }

    /**
     * Writes the bytes, counting and hashing them; {@link #finish()} makes the {@link SpooledJson}.
     * Closed without finishing (a failure on the way), it deletes its file.
     */
    public static final class Writer extends OutputStream {

        private final Path file;
        private final MessageDigest digest;
        private final OutputStream out;
        private long size;
        private boolean finished;

        private Writer(Path file) {
            this.file = file;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
                this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            size += len;
        }

        /** ASCII framing ({@code {"data":{"codeDiscountNodes":}), written as is. */
        public void ascii(String s) throws IOException {
            write(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        public long size() {
            return size;
        }

        /** Closes the file and answers the spooled JSON, which now owns it. */
        public SpooledJson finish() throws IOException {
            out.close();
            finished = true;
            return new SpooledJson(file, size, HexFormat.of().formatHex(digest.digest()));
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
