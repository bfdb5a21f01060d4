package dev.salesbot.sync.storage.control;

import static dev.salesbot.sync.storage.control.SampleSnapshots.acmeCatalog;
import static dev.salesbot.sync.storage.control.SampleSnapshots.acmeCatalogAfterPriceChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salesbot.sync.storage.control.S3RequestCounter.Counts;
import dev.salesbot.sync.storage.control.SnapshotStore.Outcome;
import dev.salesbot.sync.testing.S3ProxyExtension;
import dev.salesbot.sync.testing.S3ProxyServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

@ExtendWith(S3ProxyExtension.class)
class SpacesRepositoryTest {

    private final S3ProxyServer server;
    private SpacesRepository spaces;
    // A merchant of its own per test: the server is shared by the whole run.
    private final StorageKey key = StorageKey.shopifySnapshot(UUID.randomUUID());

    SpacesRepositoryTest(S3ProxyServer server) {
        this.server = server;
    }

    @BeforeEach
    void connect() {
        spaces = new SpacesRepository(configFor(server.secretKey()));
    }

    @AfterEach
    void disconnect() {
        spaces.close();
    }

    @Test
    void firstPutUploadsThePrivateJsonWithItsHash() {
        assertThat(spaces.put(key, acmeCatalog())).isEqualTo(Outcome.WRITTEN);

        try (var s3 = server.newClient()) {
            var head = s3.headObject(b -> b.bucket(server.bucket()).key(key.value()));
            assertThat(head.contentType()).isEqualTo("application/json");
            assertThat(head.metadata()).containsEntry("sha256", CanonicalJson.sha256Hex(acmeCatalog()));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(server.bucket()).key(key.value())).asByteArray())
                    .isEqualTo(acmeCatalog());
            var grants = s3.getObjectAcl(b -> b.bucket(server.bucket()).key(key.value())).grants();
            assertThat(grants).noneMatch(g -> g.grantee().type() == Type.GROUP);
            assertThat(grants).allMatch(g -> g.permission() == Permission.FULL_CONTROL);
        }
        assertThat(spaces.requests().counts()).isEqualTo(new Counts(1, 1, 0));
    }

    @Test
    void identicalSnapshotCostsOneHeadAndNoPut() {
        spaces.put(key, acmeCatalog());
        var before = spaces.requests().counts();

        assertThat(spaces.put(key, acmeCatalog())).isEqualTo(Outcome.UNCHANGED);

        assertThat(since(before)).isEqualTo(new Counts(1, 0, 0));
    }

    /**
     * With aws-chunked signed streaming over plain HTTP, about one PUT in five was stored by
     * S3Proxy, reported broken to the client ("Error writing request body to server") and sent
     * again: a changed snapshot must cost exactly one PUT attempt, every time.
     */
    @Test
    void changedSnapshotsAreNeverSentTwice() {
        var before = spaces.requests().counts();
        for (int i = 0; i < 100; i++) {
            spaces.put(StorageKey.shopifySnapshot(UUID.randomUUID()), ("{\"n\":" + i + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(since(before)).isEqualTo(new Counts(100, 100, 0));
    }

    @Test
    void changedSnapshotCostsExactlyOnePut() {
        spaces.put(key, acmeCatalog());
        var before = spaces.requests().counts();

        assertThat(spaces.put(key, acmeCatalogAfterPriceChange())).isEqualTo(Outcome.WRITTEN);

        assertThat(since(before)).isEqualTo(new Counts(1, 1, 0));
        assertThat(spaces.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(acmeCatalogAfterPriceChange()));
    }

    /** A snapshot and its digest: the snapshot's metadata vouches for both, so an unchanged pair is one HEAD. */
    @Test
    void anUnchangedPairCostsOneHeadAndAChangedOneWritesTheCompanionFirst() {
        StorageKey digest = StorageKey.shopifyDigest(UUID.randomUUID());
        byte[] digestBytes = "{\"d\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var first = spaces.requests().counts();
        assertThat(spaces.putPair(key, acmeCatalog(), digest, digestBytes)).isEqualTo(Outcome.WRITTEN);
        assertThat(since(first)).as("new pair: the snapshot's HEAD, then both PUTs").isEqualTo(new Counts(1, 2, 0));

        var unchanged = spaces.requests().counts();
        assertThat(spaces.putPair(key, acmeCatalog(), digest, digestBytes)).isEqualTo(Outcome.UNCHANGED);
        assertThat(since(unchanged)).isEqualTo(new Counts(1, 0, 0));

        // The digest alone changes (a discount ended): it is written, and the snapshot again for the new hash.
        byte[] laterDigest = "{\"d\":2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var digestOnly = spaces.requests().counts();
        assertThat(spaces.putPair(key, acmeCatalog(), digest, laterDigest)).isEqualTo(Outcome.WRITTEN);
        assertThat(since(digestOnly)).isEqualTo(new Counts(1, 2, 0));
        assertThat(spaces.get(digest)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(laterDigest));

        // The snapshot alone changes: the digest, vouched for, is not touched.
        var snapshotOnly = spaces.requests().counts();
        assertThat(spaces.putPair(key, acmeCatalogAfterPriceChange(), digest, laterDigest)).isEqualTo(Outcome.WRITTEN);
        assertThat(since(snapshotOnly)).isEqualTo(new Counts(1, 1, 0));
        try (var s3 = server.newClient()) {
            assertThat(s3.headObject(b -> b.bucket(server.bucket()).key(key.value())).metadata())
                    .containsEntry("sha256", CanonicalJson.sha256Hex(acmeCatalogAfterPriceChange()))
                    .containsEntry("companion-sha256", CanonicalJson.sha256Hex(laterDigest));
        }
        assertThat(spaces.putPair(key, acmeCatalogAfterPriceChange(), digest, laterDigest)).isEqualTo(Outcome.UNCHANGED);
    }

    /** A snapshot written before pairs existed carries no companion hash: both objects are written once. */
    @Test
    void aSnapshotThatVouchesForNoDigestIsWrittenWithItsDigest() {
        StorageKey digest = StorageKey.shopifyDigest(UUID.randomUUID());
        byte[] digestBytes = "{\"d\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        spaces.put(key, acmeCatalog());
        spaces.put(digest, digestBytes);
        var before = spaces.requests().counts();

        assertThat(spaces.putPair(key, acmeCatalog(), digest, digestBytes)).isEqualTo(Outcome.WRITTEN);

        assertThat(since(before)).isEqualTo(new Counts(1, 2, 0));
        assertThat(spaces.putPair(key, acmeCatalog(), digest, digestBytes)).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void rewritesAnObjectThatCarriesNoHash() {
        try (var s3 = server.newClient()) {
            s3.putObject(b -> b.bucket(server.bucket()).key(key.value()).contentType("application/json"),
                    RequestBody.fromBytes(acmeCatalog()));
        }

        assertThat(spaces.put(key, acmeCatalog())).isEqualTo(Outcome.WRITTEN);
    }

    @Test
    void findsNothingWhereNothingWasWritten() {
        assertThat(spaces.get(key)).isEmpty();
        assertThat(spaces.download(key)).isEmpty();
    }

    /** A snapshot over the multipart size goes up in parts from its file, and comes back whole. */
    @Test
    void aLargeSnapshotIsUploadedInPartsAndDownloadedToAFile() throws Exception {
        var large = new byte[12 * 1024 * 1024 + 17];
        java.util.Arrays.fill(large, (byte) ' ');
        large[0] = '[';
        large[large.length - 1] = ']';
        var companion = "{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var digestKey = StorageKey.shopifyDigest(UUID.randomUUID());
        try (var inParts = new SpacesRepository(configFor(server.secretKey()), 6 * 1024 * 1024, 5 * 1024 * 1024);
             var spooled = SpooledJson.of(large); var spooledCompanion = SpooledJson.of(companion)) {
            assertThat(inParts.putPair(key, spooled, digestKey, spooledCompanion)).isEqualTo(Outcome.WRITTEN);
            assertThat(inParts.requests().counts().puts()).as("the companion, then three parts").isGreaterThanOrEqualTo(4);

            try (var s3 = server.newClient()) {
                var head = s3.headObject(b -> b.bucket(server.bucket()).key(key.value()));
                assertThat(head.contentLength()).isEqualTo(large.length);
                // The content type and the hashes are sent with CreateMultipartUpload, where S3 and Spaces take them
                // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html); S3Proxy's blob store
                // keeps neither for a multipart object (binary/octet-stream, no user metadata), so they are not checked
                // here, nor that an unchanged large snapshot then costs no PUT (the small ones' tests above check that).
                var grants = s3.getObjectAcl(b -> b.bucket(server.bucket()).key(key.value())).grants();
                assertThat(grants).noneMatch(g -> g.grantee().type() == Type.GROUP);
            }
            try (var back = inParts.download(key).orElseThrow()) {
                assertThat(back.size()).isEqualTo(large.length);
                assertThat(back.sha256()).isEqualTo(CanonicalJson.sha256Hex(large));
            }
        }
    }

    @Test
    void reportsAWrongSecretAsStorageUnavailableWithoutShowingItTheBucketOrTheEndpoint() {
        var wrongSecret = "not-the-secret-s3proxy-expects";
        try (var refused = new SpacesRepository(configFor(wrongSecret))) {
            assertThatThrownBy(() -> refused.put(key, acmeCatalog()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(key.value())
                    .hasMessageContaining("refused this server's access keys")
                    .hasMessageNotContaining(server.bucket())
                    .hasMessageNotContaining(server.endpoint().toString())
                    .hasMessageNotContaining(wrongSecret)
                    .hasMessageNotContaining(server.secretKey());
        }
    }

    @Test
    void reportsAStoppedServerAsStorageUnavailable() throws Exception {
        var stopped = S3ProxyServer.start("salesbot-stopped", server.accessKey(), server.secretKey());
        var config = new SpacesConfig(stopped.bucket(), stopped.region(), stopped.endpoint(), true,
                stopped.accessKey(), stopped.secretKey());
        stopped.close();

        try (var unreachable = new SpacesRepository(config)) {
            assertThatThrownBy(() -> unreachable.put(key, acmeCatalog()))
                    .isInstanceOf(StorageUnavailableException.class)
                    .hasMessageContaining(key.value())
                    .hasMessageContaining("could not be reached")
                    .hasMessageNotContaining("salesbot-stopped");
        }
    }

    private SpacesConfig configFor(String secretKey) {
        return new SpacesConfig(server.bucket(), server.region(), server.endpoint(), true, server.accessKey(), secretKey);
    }

    private Counts since(Counts before) {
        var now = spaces.requests().counts();
        return new Counts(now.heads() - before.heads(), now.puts() - before.puts(), now.gets() - before.gets());
    }
}
