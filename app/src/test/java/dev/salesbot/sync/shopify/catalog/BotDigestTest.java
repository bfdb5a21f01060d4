package dev.salesbot.sync.shopify.catalog;

import dev.salesbot.sync.testing.SampleCatalog;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BotDigestTest {

    private static final Instant DURING_THE_SUMMER_SALE = Instant.parse("2026-02-01T12:00:00Z");
    private static JsonObject digest;

    @BeforeAll
    static void digestTheStandardCatalog() {
        digest = BotDigest.of(SampleCatalog.standard(), DURING_THE_SUMMER_SALE);
    }

    @Test
    void listsOnlyProductsThatCanBeSold() {
        assertThat(digest.getJsonArray("products")).extracting(p -> p.asJsonObject().getString("title"))
                .containsExactly("The Complete Snowboard", "Hydrogen Hoodie", "Custom Bike Builder");
    }

    @Test
    void givesEachProductItsPriceRangeInTheShopsCurrency() {
        JsonObject bike = product("Custom Bike Builder");
        assertThat(bike.getJsonObject("price").getString("min")).isEqualTo("1201.00");
        assertThat(bike.getJsonObject("price").getString("max")).isEqualTo("1320.00");
        assertThat(bike.getJsonObject("price").getString("currency")).isEqualTo("USD");
        assertThat(digest.getJsonObject("shop").getString("url")).isEqualTo("https://acme-snow.example");
    }

    @Test
    void marksAProductAvailableWhenAnyVariantCanBeBought() {
        assertThat(product("The Complete Snowboard").getBoolean("available")).isTrue();
        assertThat(product("Hydrogen Hoodie").getBoolean("available")).isFalse();
    }

    @Test
    void offersTheCodesOfActiveDiscountsThatCoverTheProduct() {
        assertThat(codes("The Complete Snowboard")).containsExactly("SUMMER10", "BOARDS15", "FREESHIP");
        assertThat(codes("Hydrogen Hoodie")).containsExactly("SUMMER10", "HOODIE5", "FREESHIP");
        assertThat(codes("Custom Bike Builder")).containsExactly("SUMMER10", "FREESHIP");
    }

    @Test
    void keepsTheOptionsAShopperChoosesFrom() {
        JsonObject option = product("Hydrogen Hoodie").getJsonArray("options").getJsonObject(0);
        assertThat(option.getString("name")).isEqualTo("Size");
        assertThat(option.getJsonArray("values")).extracting(v -> ((JsonString) v).getString()).containsExactly("S", "M");
    }

    @Test
    void listsOnlyAFewOfADiscountsManyUniqueCodes() {
        JsonObject large = SampleCatalog.large();

        JsonObject wax = BotDigest.of(large, DURING_THE_SUMMER_SALE).getJsonArray("products").stream()
                .map(JsonValue::asJsonObject).filter(p -> p.getString("title").equals("Ski Wax No. 1")).findFirst().orElseThrow();

        assertThat(wax.getJsonArray("discountCodes")).extracting(v -> ((JsonString) v).getString())
                .containsExactly("SUMMER10", "FREESHIP", "VIP-0001", "VIP-0002", "VIP-0003", "VIP-0004", "VIP-0005");
    }

    private static JsonObject product(String title) {
        return digest.getJsonArray("products").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("title").equals(title)).findFirst().orElseThrow();
    }

    private static List<String> codes(String title) {
        return product(title).getJsonArray("discountCodes").stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
