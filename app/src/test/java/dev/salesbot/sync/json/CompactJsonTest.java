package dev.salesbot.sync.json;

import dev.salesbot.sync.storage.control.CanonicalJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactJsonTest {

    /** A product edge as the Admin API answers it: two variants of the same shape and price. */
    private static final String MUG_EDGE = """
            {"cursor":"eyJsYXN0X2lkIjo4MDAxLCJsYXN0X3ZhbHVlIjoiODAwMSJ9",
             "node":{"id":"gid://shopify/Product/8001","title":"Enamel Camp Mug ☕","status":"ACTIVE",
                     "tags":["camping","enamel"],"featuredMedia":null,
                     "variants":{"edges":[
                       {"cursor":"v1","node":{"id":"gid://shopify/ProductVariant/1","title":"Blue","price":"12.00",
                                              "inventoryQuantity":7,"availableForSale":true,
                                              "selectedOptions":[{"name":"Color","value":"Blue"}]}},
                       {"cursor":"v2","node":{"id":"gid://shopify/ProductVariant/2","title":"Red","price":"12.00",
                                              "inventoryQuantity":0,"availableForSale":false,
                                              "selectedOptions":[{"name":"Color","value":"Red"}]}}],
                       "pageInfo":{"hasNextPage":false,"endCursor":"v2"}}}}
            """;

    private static JsonObject parsed() {
        try (var reader = Json.createReader(new StringReader(MUG_EDGE))) {
            return reader.readObject();
        }
    }

    @Test
    void copyIsEqualToTheProvidersValueBothWays() {
        JsonObject original = parsed();
        JsonObject copy = new CompactJson().object(original);

        assertThat(copy).isEqualTo(original);
        assertThat(original).isEqualTo(copy);
        assertThat(copy.hashCode()).isEqualTo(original.hashCode());
    }

    @Test
    void copySerialisesToTheSameCanonicalBytesAndParsesBackFromItsText() {
        JsonObject original = parsed();
        JsonObject copy = new CompactJson().object(original);

        assertThat(CanonicalJson.bytes(copy)).isEqualTo(CanonicalJson.bytes(original));
        try (var reader = Json.createReader(new StringReader(copy.toString()))) {
            assertThat(reader.readObject()).isEqualTo(original);
        }
    }

    @Test
    void copyAnswersTheJsonObjectAccessorsAsTheProviderDoes() {
        JsonObject node = new CompactJson().object(parsed()).getJsonObject("node");
        JsonObject blue = node.getJsonObject("variants").getJsonArray("edges").getJsonObject(0).getJsonObject("node");

        assertThat(node.getString("title")).isEqualTo("Enamel Camp Mug ☕");
        assertThat(node.getString("vendor", "none")).isEqualTo("none");
        assertThat(node.isNull("featuredMedia")).isTrue();
        assertThat(node.getJsonArray("tags").getString(1)).isEqualTo("enamel");
        assertThat(blue.getInt("inventoryQuantity")).isEqualTo(7);
        assertThat(blue.getInt("missing", -1)).isEqualTo(-1);
        assertThat(blue.getBoolean("availableForSale")).isTrue();
        assertThat(blue.getBoolean("title", true)).isTrue();
        assertThat(blue.containsKey("sku")).isFalse();
        assertThat(blue.get("sku")).isNull();
        assertThat(blue.keySet()).containsExactly("id", "title", "price", "inventoryQuantity", "availableForSale",
                "selectedOptions");
        assertThatThrownBy(() -> blue.put("sku", JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void repeatedShortStringsAreStoredOnce() {
        JsonObject node = new CompactJson().object(parsed()).getJsonObject("node");
        var edges = node.getJsonObject("variants").getJsonArray("edges");
        JsonString bluePrice = edges.getJsonObject(0).getJsonObject("node").getJsonString("price");
        JsonString redPrice = edges.getJsonObject(1).getJsonObject("node").getJsonString("price");

        assertThat(redPrice).isSameAs(bluePrice);
    }
}
