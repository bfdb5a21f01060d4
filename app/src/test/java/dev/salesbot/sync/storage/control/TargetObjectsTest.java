package dev.salesbot.sync.storage.control;

import static dev.salesbot.sync.storage.control.SampleSnapshots.ACME_MERCHANT;
import static dev.salesbot.sync.storage.control.SampleSnapshots.acmeCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key is recorded before its object is written, and a target's deletion removes each copy
 * ever written for it — a Page connected under one merchant, then another — over rows that behave
 * as {@code STORAGE_OBJECT} does (the key its primary key; a forget conditional on the write count).
 * The IT {@code FacebookWebhooksIT} runs the same on H2 through the server.
 */
class TargetObjectsTest {

    static final String PAGE_ID = "108234567890123";
    static final StorageTarget PAGE = StorageTarget.page(PAGE_ID);
    static final StorageTarget STORE = StorageTarget.store("acme-snow.myshopify.com");
    static final UUID FIRST_OWNER = ACME_MERCHANT;
    static final UUID SECOND_OWNER = UUID.fromString("3c9e2a61-0b7d-4f15-8a2e-6d4b1c0f9e72");
    static final byte[] PAGE_DATA = "{\"data\":[{\"id\":\"108234567890123\",\"name\":\"Acme Snow PH\"}]}".getBytes(StandardCharsets.UTF_8);

    /** The STORAGE_OBJECT table: key → (kind, target, writes). */
    static class TableRows extends StorageObjectRows {
        record Entry(StorageTarget target, long writes) {
        }

        final Map<StorageKey, Entry> table = new LinkedHashMap<>();
        boolean databaseDown;

        @Override
        public synchronized void record(StorageTarget target, List<StorageKey> keys) {
            if (databaseDown) {
                throw new IllegalStateException("the database is down");
            }
            for (StorageKey key : keys) {
                Entry entry = table.get(key);
                table.put(key, new Entry(target, entry == null ? 1 : entry.writes() + 1));
            }
        }

        @Override
        public synchronized List<Row> of(StorageTarget target) {
            return table.entrySet().stream().filter(e -> e.getValue().target().equals(target))
                    .map(e -> new Row(e.getKey(), e.getValue().writes())).toList();
        }

        @Override
        public synchronized int forget(List<Row> rows) {
            int forgotten = 0;
            for (Row row : rows) {
                Entry entry = table.get(row.key());
                if (entry != null && entry.writes() == row.writes()) {
                    table.remove(row.key());
                    forgotten++;
                }
            }
            return forgotten;
        }
    }

    /** The local store, which can be taken down for deletions, and which checks each write is recorded before it happens. */
    class CheckedStore extends LocalDirectoryStore {
        boolean deletionsFail;
        final List<StorageKey> unrecordedWrites = new ArrayList<>();

        CheckedStore(Path root) {
            super(root);
        }

        @Override
        public synchronized Outcome put(StorageKey key, byte[] json) {
            if (!rows.table.containsKey(key)) {
                unrecordedWrites.add(key);
            }
            return super.put(key, json);
        }

        @Override
        public synchronized Outcome put(StorageKey key, SpooledJson json) {
            if (!rows.table.containsKey(key)) {
                unrecordedWrites.add(key);
            }
            return super.put(key, json);
        }

        @Override
        public synchronized boolean delete(StorageKey key) {
            if (deletionsFail) {
                throw new StorageUnavailableException("delete", key, "the local storage directory cannot be used", null);
            }
            return super.delete(key);
        }
    }

    @TempDir
    Path dataDir;

    TableRows rows;
    CheckedStore store;
    TargetObjects objects;

    @BeforeEach
    void objectsOverAnEmptyStore() {
        rows = new TableRows();
        store = new CheckedStore(dataDir);
        objects = new TargetObjects(store, rows);
    }

    @Test
    void recordsEveryKeyBeforeItsObjectIsWritten() {
        objects.put(PAGE, StorageKey.facebookPage(FIRST_OWNER, PAGE_ID), PAGE_DATA);
        objects.putPair(STORE, StorageKey.shopifySnapshot(FIRST_OWNER), acmeCatalog(), StorageKey.shopifyDigest(FIRST_OWNER), acmeCatalog());

        assertThat(store.unrecordedWrites).isEmpty();
        assertThat(rows.table).containsOnlyKeys(StorageKey.facebookPage(FIRST_OWNER, PAGE_ID),
                StorageKey.shopifySnapshot(FIRST_OWNER), StorageKey.shopifyDigest(FIRST_OWNER));
        assertThat(rows.of(PAGE)).extracting(StorageObjectRows.Row::key).containsExactly(StorageKey.facebookPage(FIRST_OWNER, PAGE_ID));
    }

    @Test
    void aKeyTheDatabaseCannotRecordIsNeverWritten() throws IOException {
        rows.databaseDown = true;

        assertThatThrownBy(() -> objects.put(PAGE, StorageKey.facebookPage(FIRST_OWNER, PAGE_ID), PAGE_DATA))
                .hasMessageContaining("database is down");

        assertThat(files()).isEmpty();
    }

    @Test
    void deletingAPageRemovesItsCopyUnderEveryMerchantThatHeldIt() throws IOException {
        objects.put(PAGE, StorageKey.facebookPage(FIRST_OWNER, PAGE_ID), PAGE_DATA);
        objects.put(PAGE, StorageKey.facebookPage(SECOND_OWNER, PAGE_ID), PAGE_DATA); // reconnected under another merchant
        objects.putPair(STORE, StorageKey.shopifySnapshot(FIRST_OWNER), acmeCatalog(), StorageKey.shopifyDigest(FIRST_OWNER), acmeCatalog());

        int deleted = objects.delete(PAGE, List.of(StorageKey.facebookPage(SECOND_OWNER, PAGE_ID)));

        assertThat(deleted).isEqualTo(2);
        assertThat(files()).noneMatch(f -> f.contains(PAGE_ID)).as("the store's objects stay").hasSize(4);
        assertThat(rows.of(PAGE)).isEmpty();
        assertThat(rows.of(STORE)).hasSize(2);
    }

    @Test
    void deletesTheCurrentKeysEvenWhenNoRowKnowsThem() throws IOException {
        // Written before the upgrade, by a release that recorded nothing.
        store.put(StorageKey.facebookPage(SECOND_OWNER, PAGE_ID), PAGE_DATA);

        assertThat(objects.delete(PAGE, List.of(StorageKey.facebookPage(SECOND_OWNER, PAGE_ID)))).isEqualTo(1);

        assertThat(files()).isEmpty();
    }

    @Test
    void storageDownDuringADeletionKeepsEveryRowAndTheRetryFinishesTheJob() throws IOException {
        objects.put(PAGE, StorageKey.facebookPage(FIRST_OWNER, PAGE_ID), PAGE_DATA);
        objects.put(PAGE, StorageKey.facebookPage(SECOND_OWNER, PAGE_ID), PAGE_DATA);
        store.deletionsFail = true;

        assertThatThrownBy(() -> objects.delete(PAGE, List.of())).isInstanceOf(StorageUnavailableException.class);
        assertThat(rows.of(PAGE)).hasSize(2);

        store.deletionsFail = false;
        assertThat(objects.delete(PAGE, List.of())).isEqualTo(2);
        assertThat(files()).isEmpty();
        assertThat(rows.of(PAGE)).isEmpty();
        assertThat(objects.delete(PAGE, List.of())).as("a repeat finds nothing left").isZero();
    }

    @Test
    void aKeyWrittenAgainWhileItsTargetIsDeletedKeepsItsRow() {
        StorageKey key = StorageKey.facebookPage(FIRST_OWNER, PAGE_ID);
        objects.put(PAGE, key, PAGE_DATA);
        List<StorageObjectRows.Row> read = rows.of(PAGE);
        objects.put(PAGE, key, PAGE_DATA);

        assertThat(rows.forget(read)).isZero();
        assertThat(rows.of(PAGE)).extracting(StorageObjectRows.Row::key).containsExactly(key);
    }

    @Test
    void aTargetIsAValidatedShopDomainOrPageId() {
        assertThat(StorageTarget.store("acme-snow.myshopify.com").kind()).isEqualTo(StorageTarget.Kind.SHOPIFY_STORE);
        assertThat(StorageTarget.page(PAGE_ID).kind()).isEqualTo(StorageTarget.Kind.FACEBOOK_PAGE);
        for (String bad : new String[]{"12ab", "1/../2", "", " 123"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> StorageTarget.page(bad)).as(bad);
        }
        for (String bad : new String[]{"acme", "acme.myshopify.com/../x", "evil.com", "-acme.myshopify.com", "acme.myshopify.com\n"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> StorageTarget.store(bad)).as(bad);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> StorageTarget.page(null));
    }

    /** Every file under the data directory (objects and their hash files), relative. */
    private Set<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(dataDir)) {
            return Set.copyOf(all.filter(Files::isRegularFile).map(p -> dataDir.relativize(p).toString()).toList());
        }
    }
}
