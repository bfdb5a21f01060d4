package dev.salesbot.sync.shopify.bulk;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a bulk operation's result file may be fetched from, and how much of it is read: the
 * addresses of {@code BULK_RESULT_ADDRESSES} (each a scheme, host, port and path prefix), at most
 * {@code maxBytes} in all and {@code maxLineBytes} a line. Shopify serves result files from signed
 * Google Cloud Storage addresses of its own buckets
 * ({@code https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/…},
 * as its answers show; the BulkOperation reference names no host:
 * https://shopify.dev/docs/api/admin-graphql/2026-10/objects/BulkOperation), hence the default
 * {@value #SHOPIFY}, that bucket exactly: the host alone, or a bucket-name prefix, would let anyone's
 * bucket in (names are first come, first served). An operator who sees Shopify serve from another
 * of its buckets adds it to the setting. An address elsewhere, a redirect, a
 * larger file or a longer line makes that part's file unusable, and the part is paged.
 */
public record BulkResults(List<URI> addresses, long maxBytes, int maxLineBytes) {

    public static final String SHOPIFY = "https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/";
    public static final long DEFAULT_MAX_BYTES = 2L << 30;
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;
    /** Shopify's addresses and the default caps. */
    public static final BulkResults DEFAULTS = parse(SHOPIFY, DEFAULT_MAX_BYTES, DEFAULT_MAX_LINE_BYTES);

    public BulkResults {
        addresses = List.copyOf(addresses);
        if (maxBytes < 1 || maxLineBytes < 1) {
            throw new IllegalArgumentException("BULK_RESULT_MAX_BYTES and BULK_RESULT_MAX_LINE_BYTES must be positive");
        }
    }

    /**
     * {@code addresses}: comma-separated http(s) address prefixes with a host and a path, no user
     * info, query or fragment.
     *
     * @throws IllegalArgumentException naming the first entry that is not one
     */
    public static BulkResults parse(String addresses, long maxBytes, int maxLineBytes) {
        List<URI> parsed = new ArrayList<>();
        for (String entry : addresses.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            URI uri;
            try {
                uri = new URI(trimmed).normalize();
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("BULK_RESULT_ADDRESSES: " + trimmed + " is not an address");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                throw new IllegalArgumentException("BULK_RESULT_ADDRESSES: " + trimmed
                        + " must be an http(s) address with a host and a path, e.g. " + SHOPIFY);
            }
            parsed.add(uri);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("BULK_RESULT_ADDRESSES names no address");
        }
        return new BulkResults(parsed, maxBytes, maxLineBytes);
    }

    /** Empty if {@code url} may be fetched, else why not (no secret in it: never the query). */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url).normalize();
        } catch (URISyntaxException e) {
            return Optional.of("its result address is not an address");
        }
        if (uri.getHost() == null || uri.getScheme() == null || uri.getRawUserInfo() != null || uri.getRawPath() == null) {
            return Optional.of("its result address is not an http(s) address with a host");
        }
        for (URI allowed : addresses) {
            if (allowed.getScheme().equalsIgnoreCase(uri.getScheme()) && allowed.getHost().equalsIgnoreCase(uri.getHost())
                    && port(allowed) == port(uri) && uri.getRawPath().startsWith(allowed.getRawPath())
                    && !uri.getRawPath().contains("/../")) {
                return Optional.empty();
            }
        }
        return Optional.of("its result address (" + uri.getScheme() + "://" + uri.getHost() + ") is not one of BULK_RESULT_ADDRESSES");
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }
}
