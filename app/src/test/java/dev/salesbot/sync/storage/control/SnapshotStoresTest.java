package dev.salesbot.sync.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoresTest {

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    @Test
    void usesTheLocalDirectoryWithoutABucket(@TempDir Path dataDir) {
        var store = SnapshotStores.select(settings(Map.of("DATA_DIR", dataDir.toString())));

        assertThat(store).isInstanceOfSatisfying(LocalDirectoryStore.class,
                local -> assertThat(local.root()).isEqualTo(dataDir.toAbsolutePath()));
    }

    @Test
    void treatsABlankBucketAsNoBucket() {
        var store = SnapshotStores.select(settings(Map.of("SPACES_BUCKET", " ")));

        assertThat(store).isInstanceOfSatisfying(LocalDirectoryStore.class,
                local -> assertThat(local.root()).isEqualTo(Path.of("data").toAbsolutePath()));
    }

    @Test
    void usesSpacesWhenABucketIsSet() {
        var store = SnapshotStores.select(settings(Map.of(
                "SPACES_BUCKET", "acme-salesbot",
                "SPACES_ACCESS_KEY", "DO00EXAMPLEACCESSKEY",
                "SPACES_SECRET_KEY", "example-secret")));

        try (var spaces = (SpacesRepository) store) {
            assertThat(spaces.describe(SampleSnapshots.ACME_SHOPIFY))
                    .isEqualTo("s3://acme-salesbot/" + SampleSnapshots.ACME_SHOPIFY.value());
        }
    }

    @Test
    void namesTheMissingAccessKeyWhenABucketIsSet() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SnapshotStores.select(settings(Map.of(
                        "SPACES_BUCKET", "acme-salesbot",
                        "SPACES_SECRET_KEY", "example-secret"))))
                .withMessageContaining("SPACES_ACCESS_KEY");
    }
}
