package dev.salesbot.sync.shopify.bulk;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.shopify.catalog.CatalogSpool;
import dev.salesbot.sync.storage.control.SpooledJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file is read from disk by its index: children join their parent wherever they are in the file. */
class BulkAssemblyTest {

    private static final String P1 = "{\"id\":\"gid://shopify/Product/1\",\"title\":\"a\"}";
    private static final String P2 = "{\"id\":\"gid://shopify/Product/2\",\"title\":\"b\"}";

    private static String variant(int id, int product) {
        return "{\"id\":\"gid://shopify/ProductVariant/" + id + "\",\"__parentId\":\"gid://shopify/Product/" + product + "\"}";
    }

    @Test
    void childrenThatDoNotFollowTheirParentJoinItInFileOrder() throws Exception {
        String file = String.join("\n", P1, variant(11, 1), P2, variant(21, 2), variant(12, 1), variant(22, 2), variant(13, 1)) + "\n";

        JsonObject products = products(file, 7);

        assertThat(variantIds(products, 0)).containsExactly("gid://shopify/ProductVariant/11", "gid://shopify/ProductVariant/12",
                "gid://shopify/ProductVariant/13");
        assertThat(variantIds(products, 1)).containsExactly("gid://shopify/ProductVariant/21", "gid://shopify/ProductVariant/22");
        assertThat(products.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getJsonObject("variants")
                .getJsonArray("edges").getJsonObject(0).getJsonObject("node")).doesNotContainKey("__parentId");
    }

    @Test
    void aLineLongerThanTheReadWindowIsReadWhole() throws Exception {
        String title = "x".repeat(600_000);
        String file = "{\"id\":\"gid://shopify/Product/1\",\"title\":\"" + title + "\"}\n" + variant(11, 1) + "\n";

        JsonObject products = products(file, 2);

        assertThat(products.getJsonArray("edges").getJsonObject(0).getJsonObject("node").getString("title")).isEqualTo(title);
    }

    @Test
    void aChildWhoseParentIsNotARootEarlierInTheFileMakesTheFileUnusable() {
        byte[] orphan = (variant(11, 1) + "\n" + P1 + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(orphan), 2))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("line 1 names a parent");
        byte[] notObject = (P1 + "\n[1,2]\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(notObject), 2))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("line 2 is not a JSON object");
        byte[] truncated = (P1 + "\n{\"id\":\"gid://shopify/Product/2\"\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(truncated), 2))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("line 2 is not a JSON object");
        byte[] counted = (P1 + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(counted), 2))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("holds 1 objects, the operation reported 2");
    }

    private static JsonObject products(String file, long objects) throws Exception {
        try (BulkAssembly.Lines lines = new BulkAssembly().read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), objects);
             CatalogSpool spool = new CatalogSpool()) {
            new BulkAssembly().products(lines, spool.products());
            spool.shop(Jsonp.createObjectBuilder().add("name", "s").build());
            try (SpooledJson document = spool.document(); var in = document.open(); JsonReader reader = Jsonp.createReader(in)) {
                return reader.readObject().getJsonObject("data").getJsonObject("products");
            }
        }
    }

    private static List<String> variantIds(JsonObject products, int product) {
        return products.getJsonArray("edges").getJsonObject(product).getJsonObject("node").getJsonObject("variants")
                .getJsonArray("edges").stream().map(e -> e.asJsonObject().getJsonObject("node").getString("id")).toList();
    }
}
