package dev.salesbot.sync.shopify.graphql.buckets;

import java.util.Optional;

/**
 * Where the servers sharing a database leave each shop's last cost report for one another
 * ({@link ShopBuckets}); {@link #NONE} for a single process (unit tests) that shares nothing.
 * A board that cannot be reached costs the shared view, never the request.
 */
public interface BucketBoard {

    BucketBoard NONE = new BucketBoard() {
        @Override
        public Optional<BucketReport> read(String shop) {
            return Optional.empty();
        }

        @Override
        public void write(String shop, double currentlyAvailable, double maximumAvailable, double restoreRate, int requested) {
            // nothing shared
        }
    };

    Optional<BucketReport> read(String shop);

    /** The bucket as an answer for {@code shop} just reported it, and the cost its query requested. */
    void write(String shop, double currentlyAvailable, double maximumAvailable, double restoreRate, int requested);
}
