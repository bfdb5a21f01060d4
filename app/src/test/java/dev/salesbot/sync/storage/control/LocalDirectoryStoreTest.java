package dev.salesbot.sync.storage.control;

import static dev.salesbot.sync.storage.control.SampleSnapshots.ACME_MERCHANT;
import static dev.salesbot.sync.storage.control.SampleSnapshots.ACME_SHOPIFY;
import static dev.salesbot.sync.storage.control.SampleSnapshots.acmeCatalog;
import static dev.salesbot.sync.storage.control.SampleSnapshots.acmeCatalogAfterPriceChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.salesbot.sync.storage.control.SnapshotStore.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDirectoryStoreTest {

    @TempDir
    Path dataDir;

    private LocalDirectoryStore store;
    private Path snapshotFile;

    @BeforeEach
    void createStore() {
        store = new LocalDirectoryStore(dataDir);
        snapshotFile = dataDir.resolve("users/" + ACME_MERCHANT + "/shopify/shopify_data.json");
    }

    @Test
    void writesTheSnapshotInTheBucketLayoutWithItsHashBeside() throws IOException {
        assertThat(store.put(ACME_SHOPIFY, acmeCatalog())).isEqualTo(Outcome.WRITTEN);

        assertThat(snapshotFile).hasBinaryContent(acmeCatalog());
        assertThat(Files.readString(sidecar())).isEqualTo(CanonicalJson.sha256Hex(acmeCatalog()));
        assertThat(store.get(ACME_SHOPIFY)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(acmeCatalog()));
        assertThat(store.describe(ACME_SHOPIFY)).isEqualTo(snapshotFile.toString());
    }

    @Test
    void leavesAnUnchangedSnapshotUntouched() throws IOException {
        store.put(ACME_SHOPIFY, acmeCatalog());
        var before = fileKey(snapshotFile);

        assertThat(store.put(ACME_SHOPIFY, acmeCatalog())).isEqualTo(Outcome.UNCHANGED);

        // A rewrite would be a rename of a new file: a different inode.
        assertThat(fileKey(snapshotFile)).isEqualTo(before);
    }

    @Test
    void replacesAChangedSnapshotAndItsHash() throws IOException {
        store.put(ACME_SHOPIFY, acmeCatalog());

        assertThat(store.put(ACME_SHOPIFY, acmeCatalogAfterPriceChange())).isEqualTo(Outcome.WRITTEN);

        assertThat(snapshotFile).hasBinaryContent(acmeCatalogAfterPriceChange());
        assertThat(Files.readString(sidecar())).isEqualTo(CanonicalJson.sha256Hex(acmeCatalogAfterPriceChange()));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws IOException {
        store.put(ACME_SHOPIFY, acmeCatalog());
        store.put(ACME_SHOPIFY, acmeCatalogAfterPriceChange());

        try (Stream<Path> files = Files.list(snapshotFile.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("shopify_data.json", "shopify_data.json.sha256");
        }
    }

    @Test
    void rewritesWhenTheHashIsMissingAsAfterACrashMidWrite() throws IOException {
        store.put(ACME_SHOPIFY, acmeCatalog());
        Files.delete(sidecar());

        assertThat(store.put(ACME_SHOPIFY, acmeCatalog())).isEqualTo(Outcome.WRITTEN);
        assertThat(sidecar()).exists();
    }

    @Test
    void rewritesWhenTheObjectIsMissingButItsHashRemains() throws IOException {
        store.put(ACME_SHOPIFY, acmeCatalog());
        Files.delete(snapshotFile);

        assertThat(store.put(ACME_SHOPIFY, acmeCatalog())).isEqualTo(Outcome.WRITTEN);
        assertThat(snapshotFile).hasBinaryContent(acmeCatalog());
    }

    @Test
    void keepsFilesAndCreatedFoldersOwnerOnly() throws IOException {
        assumeTrue(Files.getFileStore(dataDir).supportsFileAttributeView(PosixFileAttributeView.class));

        store.put(ACME_SHOPIFY, acmeCatalog());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshotFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sidecar()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("users"))))
                .isEqualTo("rwx------");
    }

    @Test
    void findsNothingWhereNothingWasWritten() {
        assertThat(store.get(ACME_SHOPIFY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.json", "users/../../outside.json", "/tmp/outside.json", "", "users/.."})
    void refusesAKeyThatWouldLeaveTheDataDirectory(String forgedKey) {
        assertThatIllegalArgumentException().isThrownBy(() -> store.put(new StorageKey(forgedKey), acmeCatalog()));
        assertThat(dataDir.resolveSibling("outside.json")).doesNotExist();
    }

    @Test
    void refusesToFollowALinkOutOfTheDataDirectory(@TempDir Path elsewhere) throws IOException {
        Files.createSymbolicLink(dataDir.resolve("users"), elsewhere);

        assertThatIllegalArgumentException().isThrownBy(() -> store.put(ACME_SHOPIFY, acmeCatalog()));
        try (Stream<Path> files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void reportsAnUnwritableLayoutAsStorageUnavailableNamingTheKeyButNotTheServersPath() throws IOException {
        // A file where the users folder should be: the directory cannot be created.
        Files.writeString(dataDir.resolve("users"), "not a folder", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.put(ACME_SHOPIFY, acmeCatalog()))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(ACME_SHOPIFY.value())
                .hasMessageContaining("cannot be used")
                .hasMessageNotContaining(dataDir.toString());
    }

    private Path sidecar() {
        return snapshotFile.resolveSibling("shopify_data.json.sha256");
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }
}
