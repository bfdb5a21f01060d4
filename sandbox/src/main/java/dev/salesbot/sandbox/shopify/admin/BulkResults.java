package dev.salesbot.sandbox.shopify.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSONL files of finished bulk operations, each at an address of its own under
 * {@code /sandbox/shopify-bulk-results/} (on Shopify, a signed Google Cloud Storage URL: another
 * host, no Shopify token), valid until its operation's expiry: then it answers 403, as an expired
 * signed URL does. The 128-bit random token is the only credential, as a signed URL's signature is.
 */
public final class BulkResults {

    static final String PATH = "shopify-bulk-results/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, Entry> FILES = new ConcurrentHashMap<>();

    /** A file, when it expires, and the store's clock that decides it. */
    private record Entry(Path file, Instant[] expiresAt, java.time.InstantSource clock) {
    }

    private BulkResults() {
    }

    static String register(Path file, java.time.InstantSource clock) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        FILES.put(token, new Entry(file, new Instant[]{Instant.MAX}, clock));
        return token;
    }

    static void expireAt(String token, Instant when) {
        Entry entry = token == null ? null : FILES.get(token);
        if (entry != null) {
            entry.expiresAt()[0] = when;
        }
    }

    static void forget(String token) {
        Entry entry = token == null ? null : FILES.remove(token);
        if (entry != null) {
            try {
                Files.deleteIfExists(entry.file());
            } catch (IOException ignored) {
                // a temporary file, deleted on exit anyway
            }
        }
    }

    static String url(URI base, String token) {
        return token == null ? null : base.resolve(PATH + token + ".jsonl").toString();
    }

    /** The file behind {@code token} while it is valid. */
    public static Optional<Path> file(String token) {
        Entry entry = token == null ? null : FILES.get(token);
        if (entry == null || !entry.clock().instant().isBefore(entry.expiresAt()[0])) {
            return Optional.empty();
        }
        return Optional.of(entry.file());
    }

    /** The file behind a result {@code url} (its last path segment), for in-process callers. */
    public static Optional<InputStream> open(String url) throws IOException {
        if (url == null) {
            return Optional.empty();
        }
        String name = URI.create(url).getPath();
        name = name.substring(name.lastIndexOf('/') + 1);
        Optional<Path> file = file(name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name);
        return file.isEmpty() ? Optional.empty() : Optional.of(Files.newInputStream(file.get()));
    }
}
