package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.storage.control.CanonicalJson;
import dev.salesbot.sync.testing.SampleCatalog;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A streamed patch writes byte for byte what {@link SnapshotPatch} writes for the same stored
 * document and changes, and answers the same scan, whether it streams or falls back.
 */
class StreamedPatchTest {

    private static final String COMPLETE_SNOWBOARD = "gid://shopify/Product/7001";
    private static final String HYDROGEN_HOODIE = "gid://shopify/Product/7002";
    private static final String CUSTOM_BIKE = "gid://shopify/Product/7003";
    private static final String SNOWBOARDS = "gid://shopify/Collection/8001";
    private static final String ALL_WAX = "gid://shopify/Collection/8002";
    private static final String SUMMER_SALE = "gid://shopify/DiscountCodeNode/9001";
    private static final String HOODIE_FIVE_OFF = "gid://shopify/DiscountCodeNode/9003";
    private static final String VIP_WAX = "gid://shopify/DiscountCodeNode/9006";
    private static final String FIRST_WAX = "gid://shopify/Product/10001";
    private static final List<String> TRICKY_TEXTS = List.of("Snowboard \"Pro\" 158", "back\\slash / slash",
            "line\nbreak\ttab\rreturn\bback\fform", "control \u0001\u001f", "Ünïcödé ❄ 雪", "emoji 🏂", "lone \ud83d surrogate",
            "lone \ude00 low", "", "</script>", "\u2028\u2029");

    private final byte[] standard = canonical(SampleCatalog.standard());

    @Test
    void replacesAProductWhereItStandsAndAddsNewOnesInIdOrder() {
        List<Change> changes = List.of(new PutProducts(List.of(product(HYDROGEN_HOODIE, "Hydrogen Hoodie v2"),
                product("gid://shopify/Product/9000", "Wax Scraper"), product("gid://shopify/Product/5", "Gift Card"))));

        byte[] patched = assertSameBytes(standard, changes);

        assertThat(productIds(patched)).containsExactly("gid://shopify/Product/5", COMPLETE_SNOWBOARD, HYDROGEN_HOODIE,
                CUSTOM_BIKE, "gid://shopify/Product/7004", "gid://shopify/Product/9000");
        assertThat(new String(patched, StandardCharsets.UTF_8)).contains("Hydrogen Hoodie v2");
    }

    @Test
    void removesProductsAndIgnoresIdsItDoesNotHold() {
        byte[] patched = assertSameBytes(standard, List.of(
                new RemoveProducts(List.of(CUSTOM_BIKE, "gid://shopify/Product/404", COMPLETE_SNOWBOARD))));

        assertThat(productIds(patched)).containsExactly(HYDROGEN_HOODIE, "gid://shopify/Product/7004");
    }

    @Test
    void putsAndRemovesCollectionsAndDiscounts() {
        assertSameBytes(standard, List.of(
                new PutCollections(List.of(collection(SNOWBOARDS, List.of(COMPLETE_SNOWBOARD, CUSTOM_BIKE)),
                        collection("gid://shopify/Collection/7999", List.of(HYDROGEN_HOODIE)))),
                new RemoveCollections(List.of("gid://shopify/Collection/1")),
                new PutDiscount(discount(SUMMER_SALE, List.of(HYDROGEN_HOODIE), List.of())),
                new PutDiscount(discount("gid://shopify/DiscountCodeNode/9500", List.of(), List.of(CUSTOM_BIKE))),
                new RemoveDiscounts(List.of(HOODIE_FIVE_OFF, "gid://shopify/DiscountCodeNode/1"))));
    }

    @Test
    void replacesTheShop() {
        byte[] patched = assertSameBytes(standard, List.of(new Shop(shop("Acme Snow & Ice Co"))));

        assertThat(new String(patched, StandardCharsets.UTF_8)).contains("Acme Snow & Ice Co").doesNotContain("Acme Snow Co\"");
    }

    @Test
    void appliesChangesInTheOrderTheyWereMade() {
        assertSameBytes(standard, List.of(
                new RemoveProducts(List.of(HYDROGEN_HOODIE)),
                new PutProducts(List.of(product(HYDROGEN_HOODIE, "Back again"), product("gid://shopify/Product/1", "Added"))),
                new RemoveProducts(List.of("gid://shopify/Product/1")),
                new PutProducts(List.of(product(CUSTOM_BIKE, "First"), product(CUSTOM_BIKE, "Second"))),
                new Shop(shop("First shop")), new Shop(shop("Last shop"))));
    }

    @Test
    void writesEmptyConnectionsAndAddsToThem() {
        byte[] empty = canonical(document(List.of(), List.of(), List.of(), shop("Empty Shop")));

        assertSameBytes(empty, List.of());
        assertSameBytes(empty, List.of(new PutProducts(List.of(product("gid://shopify/Product/3", "Only product"))),
                new PutDiscount(discount("gid://shopify/DiscountCodeNode/4", List.of("gid://shopify/Product/3"), List.of()))));
    }

    @Test
    void writesEveryConnectionEvenOneTheStoredDocumentLacks() {
        JsonObject data = SampleCatalog.standard().getJsonObject("data");
        byte[] withoutCollections = canonical(Jsonp.createObjectBuilder()
                .add("data", Jsonp.createObjectBuilder(data).remove("collections").remove("codeDiscountNodes")).build());

        assertThat(streamable(withoutCollections)).isTrue();
        byte[] patched = assertSameBytes(withoutCollections, List.of(
                new PutCollections(List.of(collection(SNOWBOARDS, List.of(COMPLETE_SNOWBOARD))))));
        assertThat(new String(patched, StandardCharsets.UTF_8)).contains("\"codeDiscountNodes\":{\"edges\":[],");
    }

    @Test
    void keepsOtherMembersOfDataInTheirPlacesAndDropsOtherTopLevelMembers() {
        JsonObject data = SampleCatalog.standard().getJsonObject("data");
        byte[] extended = canonical(Jsonp.createObjectBuilder()
                .add("data", Jsonp.createObjectBuilder(data).add("a", 1).add("locations", Jsonp.createArrayBuilder().add("Bern"))
                        .add("products2", JsonValue.NULL).add("zz", Jsonp.createObjectBuilder().add("x", true)))
                .add("extensions", Jsonp.createObjectBuilder().add("cost", 12)).build());

        assertThat(streamable(extended)).isTrue();
        byte[] patched = assertSameBytes(extended, List.of(new RemoveProducts(List.of(CUSTOM_BIKE))));
        assertThat(new String(patched, StandardCharsets.UTF_8)).contains("\"locations\":[\"Bern\"]").doesNotContain("extensions");
    }

    @Test
    void copiesEscapesUnicodeAndNumbersExactly() {
        List<JsonObject> products = new ArrayList<>();
        for (int i = 0; i < TRICKY_TEXTS.size(); i++) {
            products.add(Jsonp.createObjectBuilder(product("gid://shopify/Product/" + (i + 1), TRICKY_TEXTS.get(i)))
                    .add("numbers", numbers()).add(TRICKY_TEXTS.get(i), "as a key").build());
        }
        byte[] stored = canonical(document(products, List.of(), List.of(), shop("Ünïcödé \"Shop\"")));

        assertThat(streamable(stored)).isTrue();
        assertSameBytes(stored, List.of());
        assertSameBytes(stored, List.of(new PutProducts(List.of(product("gid://shopify/Product/2", "new \u0000 \ud800 é")))));
    }

    @Test
    void ordersIdsWithoutANumericTailLastStoredFirstThenAddedInTurn() {
        List<JsonObject> products = List.of(product("gid://shopify/Product/-3", "Negative"), product("gid://shopify/Product/7", "Seven"),
                product("gid://shopify/Product/007", "Seven again"), product("gid://shopify/Product/zeta", "Zeta"),
                product("gid://shopify/Product/" + Long.MAX_VALUE, "Max"), product("gid://shopify/Product/alpha", "Alpha"),
                product("gid://shopify/Product/", "Empty tail"));
        byte[] stored = canonical(document(products, List.of(), List.of(), shop("Odd Ids")));

        assertThat(streamable(stored)).isTrue();
        byte[] patched = assertSameBytes(stored, List.of(
                new PutProducts(List.of(product("gid://shopify/Product/beta", "Beta"), product("gid://shopify/Product/zeta", "Zeta v2"))),
                new RemoveProducts(List.of("gid://shopify/Product/" + Long.MAX_VALUE)),
                new PutProducts(List.of(product("gid://shopify/Product/" + Long.MAX_VALUE, "Max again"),
                        product("gid://shopify/Product/+7", "Plus seven"), product("gid://shopify/Product/07", "Seven once more")))));

        assertThat(productIds(patched)).containsExactly("gid://shopify/Product/-3", "gid://shopify/Product/7",
                "gid://shopify/Product/007", "gid://shopify/Product/+7", "gid://shopify/Product/07",
                "gid://shopify/Product/zeta", "gid://shopify/Product/alpha", "gid://shopify/Product/", "gid://shopify/Product/beta",
                "gid://shopify/Product/" + Long.MAX_VALUE);
    }

    @Test
    void patchesAStoredListOutOfIdOrderInMemory() {
        List<JsonObject> products = List.of(product("gid://shopify/Product/20", "Twenty"), product("gid://shopify/Product/10", "Ten"),
                product("gid://shopify/Product/30", "Thirty"));
        byte[] unsorted = canonical(document(products, List.of(), List.of(), shop("Old Snapshot")));

        assertThat(streamable(unsorted)).isFalse();
        byte[] patched = assertSameBytes(unsorted, List.of(new PutProducts(List.of(product("gid://shopify/Product/15", "Fifteen")))));
        assertThat(productIds(patched)).containsExactly("gid://shopify/Product/10", "gid://shopify/Product/15",
                "gid://shopify/Product/20", "gid://shopify/Product/30");
    }

    @Test
    void patchesRepeatedIdsAndDocumentsInAnotherKeyOrderInMemory() {
        List<JsonObject> repeated = List.of(product("gid://shopify/Product/1", "First"), product("gid://shopify/Product/2", "Two"),
                product("gid://shopify/Product/2", "Two, stored twice"));
        byte[] twice = canonical(document(repeated, List.of(), List.of(), shop("Repeats")));
        StringWriter insertionOrder = new StringWriter();
        try (JsonWriter writer = Jsonp.createWriter(insertionOrder)) {
            writer.writeObject(SampleCatalog.standard());
        }
        byte[] unsortedKeys = insertionOrder.toString().getBytes(StandardCharsets.UTF_8);

        assertThat(streamable(twice)).isFalse();
        assertThat(streamable(unsortedKeys)).isFalse();
        assertSameBytes(twice, List.of(new PutProducts(List.of(product("gid://shopify/Product/3", "Three")))));
        assertSameBytes(unsortedKeys, List.of(new RemoveProducts(List.of(HYDROGEN_HOODIE))));
    }

    @Test
    void patchesDocumentsWithARepeatedKeyInMemory() {
        String shop = "\"shop\":{\"name\":\"Repeats\"}";
        String one = "{\"node\":{\"id\":\"gid://shopify/Product/1\",\"title\":\"One\"}}";
        List<String> documents = List.of(
                "{\"data\":{\"products\":{\"edges\":[" + one + "],\"edges\":null}," + shop + "}}",
                "{\"data\":{\"products\":{\"edges\":[{\"node\":{\"id\":\"gid://shopify/Product/2\"},\"node\":{\"id\":\"gid://shopify/Product/1\"}}]}," + shop + "}}",
                "{\"data\":{\"products\":{\"edges\":[{\"node\":{\"id\":\"gid://shopify/Product/2\",\"id\":\"gid://shopify/Product/1\"}}]}," + shop + "}}",
                "{\"data\":{\"products\":{\"edges\":[" + one + "]}," + shop + "},\"data\":{" + shop + "}}",
                "{\"data\":{\"products\":{\"edges\":[" + one + "]},\"products\":{\"edges\":[]}," + shop + "}}");
        List<Change> changes = List.of(new PutProducts(List.of(product("gid://shopify/Product/1", "One again"))));

        for (String document : documents) {
            byte[] stored = document.getBytes(StandardCharsets.UTF_8);
            assertThat(streamable(stored)).as(document).isFalse();
            assertThat(outcome(() -> streamed(stored, changes))).as(document).isEqualTo(outcome(() -> expected(stored, changes)));
        }
    }

    @Test
    void takesTheFetchedShopWhenNoneIsStoredAndFailsLikeSnapshotPatchWithout() {
        JsonObject data = SampleCatalog.standard().getJsonObject("data");
        byte[] shopless = canonical(Jsonp.createObjectBuilder().add("data", Jsonp.createObjectBuilder(data).remove("shop")).build());

        assertSameBytes(shopless, List.of(new Shop(shop("Fetched Shop"))));
        assertThatThrownBy(() -> streamed(shopless, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> expected(shopless, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void scansForWhatDeletedProductsLeaveAsSnapshotPatchDoes() {
        byte[] large = canonical(SampleCatalog.large());
        List<String> deleted = List.of(FIRST_WAX, HYDROGEN_HOODIE, "gid://shopify/Product/404");

        StreamedPatch.Scan scan = StreamedPatch.scan(new ByteArrayInputStream(large), deleted);

        assertThat(scan.collectionsHolding()).containsExactly(ALL_WAX);
        assertThat(scan.discountsNaming()).containsExactly(HOODIE_FIVE_OFF, VIP_WAX);
        SnapshotPatch inMemory = SnapshotPatch.of(read(large));
        assertThat(scan).isEqualTo(new StreamedPatch.Scan(inMemory.collectionsHolding(deleted), inMemory.discountsNaming(deleted)));
        assertThat(StreamedPatch.scan(new ByteArrayInputStream(large), List.of(COMPLETE_SNOWBOARD)).collectionsHolding())
                .containsExactly(SNOWBOARDS);
    }

    @Test
    void randomDocumentsAndChangesGiveTheBytesOfSnapshotPatch() {
        Random random = new Random(20_260_207L);
        int streamedDocuments = 0;
        for (int round = 0; round < 200; round++) {
            RandomCatalog catalog = new RandomCatalog(random);
            byte[] stored = catalog.stored();
            boolean streamable = streamable(stored);
            assertThat(streamable).as("round %d", round).isEqualTo(catalog.inOrder());
            streamedDocuments += streamable ? 1 : 0;
            for (int set = 0; set < 3; set++) {
                List<Change> changes = catalog.changes();
                assertThat(outcome(() -> streamed(stored, changes))).as("round %d, changes %s", round, changes)
                        .isEqualTo(outcome(() -> expected(stored, changes)));
            }
            List<String> products = catalog.someProductIds();
            SnapshotPatch inMemory = SnapshotPatch.of(read(stored));
            assertThat(StreamedPatch.scan(new ByteArrayInputStream(stored), products)).as("round %d", round)
                    .isEqualTo(new StreamedPatch.Scan(inMemory.collectionsHolding(products), inMemory.discountsNaming(products)));
        }
        assertThat(streamedDocuments).as("most documents take the streaming path").isGreaterThan(120);
    }

    @Test
    void patchesTwentyThousandProductsReadFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("shopify_data.json");
        Files.write(file, canonical(manyProducts(20_000)));
        List<Change> changes = List.of(
                new PutProducts(IntStream.range(0, 50).mapToObj(i -> product(wax(i * 397), "Ski Wax No. " + i + " (new label)")).toList()),
                new PutProducts(IntStream.range(0, 10).mapToObj(i -> product(wax(40_000 + i), "New wax " + i)).toList()),
                new RemoveProducts(IntStream.range(0, 20).mapToObj(i -> wax(i * 911 + 3)).toList()),
                new PutCollections(List.of(collection(ALL_WAX, List.of(wax(1), wax(2))))));
        StreamedPatch patch = new StreamedPatch();
        changes.forEach(change -> change.applyTo(patch));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        patch.writeTo(() -> Files.newInputStream(file), out);

        SnapshotPatch inMemory = SnapshotPatch.of(read(Files.readAllBytes(file)));
        changes.forEach(change -> change.applyTo(inMemory));
        assertThat(out.toByteArray()).isEqualTo(CanonicalJson.bytes(inMemory.document()));
    }

    @Test
    void writesEdgesBeforeTheStoredDocumentIsReadToTheEnd() throws IOException {
        byte[] stored = canonical(manyProducts(5_000));
        long[] readWhenFirstWritten = {-1};
        CountingInput[] second = new CountingInput[1];
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (readWhenFirstWritten[0] < 0) {
                    readWhenFirstWritten[0] = second[0].read;
                }
            }
        };
        int[] opened = {0};
        StreamedPatch patch = new StreamedPatch();
        patch.removeProducts(List.of(wax(1_000)));

        patch.writeTo(() -> {
            CountingInput in = new CountingInput(new ByteArrayInputStream(stored));
            if (++opened[0] == 2) {
                second[0] = in;
            }
            return in;
        }, out);

        assertThat(opened[0]).as("checked, then streamed").isEqualTo(2);
        assertThat(readWhenFirstWritten[0]).isBetween(0L, stored.length / 2L);
    }

    private static byte[] assertSameBytes(byte[] stored, List<Change> changes) {
        byte[] patched = streamed(stored, changes);
        assertThat(patched).isEqualTo(expected(stored, changes));
        return patched;
    }

    private static byte[] expected(byte[] stored, List<Change> changes) {
        SnapshotPatch patch = SnapshotPatch.of(read(stored));
        changes.forEach(change -> change.applyTo(patch));
        return CanonicalJson.bytes(patch.document());
    }

    private static byte[] streamed(byte[] stored, List<Change> changes) {
        StreamedPatch patch = new StreamedPatch();
        changes.forEach(change -> change.applyTo(patch));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            patch.writeTo(() -> new ByteArrayInputStream(stored), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    /** The bytes written, as a string of one char per byte, or the failure's type. */
    private static Object outcome(Supplier<byte[]> patch) {
        try {
            return new String(patch.get(), StandardCharsets.ISO_8859_1);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static boolean streamable(byte[] stored) {
        return StreamedPatch.StoredOrder.streamable(new ByteArrayInputStream(stored));
    }

    private static List<String> productIds(byte[] document) {
        return read(document).getJsonObject("data").getJsonObject("products").getJsonArray("edges").stream()
                .map(edge -> edge.asJsonObject().getJsonObject("node").getString("id")).toList();
    }

    private static JsonObject read(byte[] document) {
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(document))) {
            return reader.readObject();
        }
    }

    private static byte[] canonical(JsonObject document) {
        return CanonicalJson.bytes(document);
    }

    private static String wax(int number) {
        return "gid://shopify/Product/" + (10_000 + number);
    }

    private static JsonObject manyProducts(int count) {
        List<JsonObject> products = IntStream.range(0, count).mapToObj(i -> Jsonp.createObjectBuilder().add("id", wax(i))
                .add("title", "Ski Wax No. " + i).add("price", "12.50").add("inventoryQuantity", i % 50).build()).toList();
        return document(products, List.of(collection(ALL_WAX, List.of(wax(1), wax(2), wax(3)))),
                List.of(discount(VIP_WAX, List.of(wax(7)), List.of())), shop("Acme Wax Co"));
    }

    private static JsonObject document(List<JsonObject> products, List<JsonObject> collections, List<JsonObject> discounts, JsonObject shop) {
        return Jsonp.createObjectBuilder().add("data", Jsonp.createObjectBuilder()
                .add("products", connection(products)).add("collections", connection(collections))
                .add("codeDiscountNodes", connection(discounts)).add("shop", shop)).build();
    }

    private static JsonObject connection(List<JsonObject> nodes) {
        return EdgePager.merged(nodes.stream().map(EdgePager::edge).toList());
    }

    private static JsonObject product(String id, String title) {
        return Jsonp.createObjectBuilder().add("__typename", "Product").add("id", id).add("title", title)
                .add("handle", title.toLowerCase().replaceAll("[^a-z0-9]+", "-")).add("status", "ACTIVE").add("vendor", "Acme")
                .add("tags", Jsonp.createArrayBuilder().add("winter").add("wax"))
                .add("variants", connection(List.of(Jsonp.createObjectBuilder().add("id", id.replace("Product", "ProductVariant"))
                        .add("price", "12.50").add("inventoryQuantity", 50).add("availableForSale", true)
                        .add("compareAtPrice", JsonValue.NULL).build())))
                .build();
    }

    private static JsonObject collection(String id, List<String> productIds) {
        return Jsonp.createObjectBuilder().add("__typename", "Collection").add("id", id).add("title", "Collection " + id)
                .add("products", connection(productIds.stream().map(p -> Jsonp.createObjectBuilder().add("id", p).build()).toList()))
                .build();
    }

    private static JsonObject discount(String id, List<String> productIds, List<String> productsOfVariants) {
        JsonObject items = Jsonp.createObjectBuilder().add("__typename", "DiscountProducts")
                .add("products", connection(productIds.stream().map(p -> Jsonp.createObjectBuilder().add("id", p).build()).toList()))
                .add("productVariants", connection(productsOfVariants.stream().map(p -> Jsonp.createObjectBuilder()
                        .add("id", p.replace("Product", "ProductVariant"))
                        .add("product", Jsonp.createObjectBuilder().add("id", p)).build()).toList()))
                .build();
        return Jsonp.createObjectBuilder().add("__typename", "DiscountNode").add("id", id)
                .add("discount", Jsonp.createObjectBuilder().add("__typename", "DiscountCodeBasic").add("title", "Discount " + id)
                        .add("customerGets", Jsonp.createObjectBuilder().add("items", items)
                                .add("value", Jsonp.createObjectBuilder().add("percentage", 0.15))))
                .build();
    }

    private static JsonObject shop(String name) {
        return Jsonp.createObjectBuilder().add("name", name).add("currencyCode", "USD")
                .add("primaryDomain", Jsonp.createObjectBuilder().add("url", "https://acme-snow.example")).build();
    }

    private static JsonArrayBuilder numbers() {
        return Jsonp.createArrayBuilder().add(0).add(-1).add(Long.MIN_VALUE).add(new BigDecimal("1.50")).add(new BigDecimal("1E+3"))
                .add(new BigDecimal("-0.000001")).add(new BigInteger("123456789012345678901234567890")).add(0.1).add(1e-7);
    }

    /** A stored document of random shape and content, and random changes that overlap it. */
    private static final class RandomCatalog {

        private final Random random;
        private final List<String> productPool;
        private final List<String> collectionPool;
        private final List<String> discountPool;
        private final byte[] stored;
        private boolean inOrder = true;

        RandomCatalog(Random random) {
            this.random = random;
            this.productPool = pool("Product", 40);
            this.collectionPool = pool("Collection", 12);
            this.discountPool = pool("DiscountCodeNode", 12);
            JsonObjectBuilder data = Jsonp.createObjectBuilder();
            connection(data, "products", productPool, id -> product(id, text()));
            connection(data, "collections", collectionPool, id -> collection(id, some(productPool, 4)));
            connection(data, "codeDiscountNodes", discountPool, id -> discount(id, some(productPool, 3), some(productPool, 2)));
            if (random.nextInt(10) > 0) {
                data.add("shop", shop(text()));
            } else {
                inOrder = false;
            }
            if (random.nextInt(5) == 0) {
                data.add(random.nextBoolean() ? "locations" : "aaa", Jsonp.createArrayBuilder().add(text()).add(random.nextInt()));
            }
            JsonObjectBuilder document = Jsonp.createObjectBuilder().add("data", data);
            if (random.nextInt(5) == 0) {
                document.add("extensions", Jsonp.createObjectBuilder().add("cost", random.nextInt(1000)));
            }
            this.stored = canonical(document.build());
        }

        byte[] stored() {
            return stored;
        }

        boolean inOrder() {
            return inOrder;
        }

        List<String> someProductIds() {
            return some(productPool, 3);
        }

        /** Half the time drawn from a few ids only, so that one id is often put, removed and put again. */
        List<Change> changes() {
            List<String> products = hot(productPool);
            List<String> collections = hot(collectionPool);
            List<String> discounts = hot(discountPool);
            List<Change> changes = new ArrayList<>();
            int count = random.nextInt(7);
            for (int i = 0; i < count; i++) {
                changes.add(switch (random.nextInt(7)) {
                    case 0 -> new PutProducts(some(products, 3).stream().map(id -> product(id, text())).toList());
                    case 1 -> new RemoveProducts(some(products, 3));
                    case 2 -> new PutCollections(some(collections, 2).stream().map(id -> collection(id, some(productPool, 3))).toList());
                    case 3 -> new RemoveCollections(some(collections, 2));
                    case 4 -> new PutDiscount(discount(pick(discounts), some(productPool, 2), some(productPool, 1)));
                    case 5 -> new RemoveDiscounts(some(discounts, 2));
                    default -> new Shop(shop(text()));
                });
            }
            return changes;
        }

        private List<String> hot(List<String> pool) {
            List<String> few = some(pool, 3);
            return random.nextBoolean() && !few.isEmpty() ? few : pool;
        }

        /** Numeric ids from a small range, some with the same number written differently, some without a number. */
        private List<String> pool(String type, int size) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(8);
                String tail = kind == 0 ? "x" + random.nextInt(4) : kind == 1 ? "0" + random.nextInt(20)
                        : kind == 2 ? String.valueOf(Long.MAX_VALUE) : String.valueOf(random.nextInt(20));
                ids.add("gid://shopify/" + type + "/" + tail);
            }
            return ids.stream().distinct().toList();
        }

        /** A stored connection: absent, empty, or some of the pool in id order; now and then out of order or with an id twice. */
        private void connection(JsonObjectBuilder data, String key, List<String> pool, Function<String, JsonObject> node) {
            int shape = random.nextInt(20);
            if (shape == 0) {
                return;
            }
            List<String> ids = new ArrayList<>(shape == 1 ? List.of() : some(pool, pool.size()));
            ids.sort(Comparator.comparingLong(SnapshotPatch::numericId));
            if (shape == 2 && ids.size() > 1) {
                Collections.shuffle(ids, random);
            }
            if (shape == 3 && !ids.isEmpty()) {
                int at = random.nextInt(ids.size());
                ids.add(at, ids.get(at));
            }
            for (int i = 1; i < ids.size(); i++) {
                boolean repeated = ids.get(i).equals(ids.get(i - 1));
                inOrder &= !repeated && SnapshotPatch.numericId(ids.get(i - 1)) <= SnapshotPatch.numericId(ids.get(i));
            }
            JsonArrayBuilder edges = Jsonp.createArrayBuilder();
            for (String id : ids) {
                JsonObjectBuilder edge = Jsonp.createObjectBuilder().add("node", node.apply(id));
                edges.add(random.nextInt(4) == 0 ? edge.add("cursor", text()) : edge);
            }
            JsonObjectBuilder pageInfo = Jsonp.createObjectBuilder().add("hasNextPage", false);
            data.add(key, Jsonp.createObjectBuilder().add("edges", edges)
                    .add("pageInfo", random.nextBoolean() ? pageInfo.add("endCursor", "c") : pageInfo));
        }

        private List<String> some(List<String> pool, int most) {
            List<String> chosen = new ArrayList<>();
            int count = random.nextInt(most + 1);
            for (int i = 0; i < count; i++) {
                chosen.add(pick(pool));
            }
            return chosen.stream().distinct().toList();
        }

        private String pick(List<String> pool) {
            return pool.get(random.nextInt(pool.size()));
        }

        private String text() {
            if (random.nextBoolean()) {
                return TRICKY_TEXTS.get(random.nextInt(TRICKY_TEXTS.size()));
            }
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : ' ' + random.nextInt(95)));
            }
            return text.toString();
        }
    }

    /** One change, made the same way to either patch. */
    private sealed interface Change {
        void applyTo(SnapshotPatch patch);

        void applyTo(StreamedPatch patch);
    }

    private record PutProducts(List<JsonObject> nodes) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.putProducts(nodes);
        }

        public void applyTo(StreamedPatch patch) {
            patch.putProducts(nodes);
        }
    }

    private record RemoveProducts(List<String> ids) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.removeProducts(ids);
        }

        public void applyTo(StreamedPatch patch) {
            patch.removeProducts(ids);
        }
    }

    private record PutCollections(List<JsonObject> nodes) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.putCollections(nodes);
        }

        public void applyTo(StreamedPatch patch) {
            patch.putCollections(nodes);
        }
    }

    private record RemoveCollections(List<String> ids) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.removeCollections(ids);
        }

        public void applyTo(StreamedPatch patch) {
            patch.removeCollections(ids);
        }
    }

    private record PutDiscount(JsonObject node) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.putDiscount(node);
        }

        public void applyTo(StreamedPatch patch) {
            patch.putDiscount(node);
        }
    }

    private record RemoveDiscounts(List<String> ids) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.removeDiscounts(ids);
        }

        public void applyTo(StreamedPatch patch) {
            patch.removeDiscounts(ids);
        }
    }

    private record Shop(JsonObject node) implements Change {
        public void applyTo(SnapshotPatch patch) {
            patch.shop(node);
        }

        public void applyTo(StreamedPatch patch) {
            patch.shop(node);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends FilterInputStream {
        long read;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
