package dev.salesbot.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** A fast sync that fetched less than the store holds would be no result: counts must match the seed. */
final class Completeness {

    private Completeness() {
    }

    static void check(JsonObject document, JsonObject seeded) {
        JsonObject data = document.getJsonObject("data");
        int variants = 0;
        for (JsonValue edge : data.getJsonObject("products").getJsonArray("edges")) {
            variants += edge.asJsonObject().getJsonObject("node").getJsonObject("variants").getJsonArray("edges").size();
        }
        expect("products", seeded.getInt("products"), data.getJsonObject("products").getJsonArray("edges").size());
        expect("variants", seeded.getInt("variants"), variants);
        expect("collections", seeded.getInt("collections"), data.getJsonObject("collections").getJsonArray("edges").size());
        expect("discounts", seeded.getInt("discounts"), data.getJsonObject("codeDiscountNodes").getJsonArray("edges").size());
    }

    /** The same check on the counts of a spooled snapshot ({@code BotDigest.spool} reads them). */
    static void check(dev.salesbot.sync.shopify.catalog.BotDigest.Spooled counts, JsonObject seeded) {
        expect("products", seeded.getInt("products"), (int) counts.products());
        expect("variants", seeded.getInt("variants"), (int) counts.variants());
        expect("collections", seeded.getInt("collections"), (int) counts.collections());
        expect("discounts", seeded.getInt("discounts"), (int) counts.discounts());
    }

    private static void expect(String what, int seeded, int fetched) {
        if (seeded != fetched) {
            throw new IllegalStateException("incomplete sync: " + fetched + " " + what + " fetched, the store has " + seeded);
        }
    }
}
