package dev.salesbot.sync.shopify.control;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopAccessTest {

    private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";

    @Test
    void neverShowsTheTokenWhenPrinted() {
        ShopAccess access = new ShopAccess(SampleCatalog.SHOP, URI.create("https://" + SampleCatalog.SHOP), TOKEN);

        assertThat(access.toString()).doesNotContain(TOKEN).contains(SampleCatalog.SHOP);
    }

    @Test
    void placesTheShopIntoTheConfiguredBaseUrl() {
        ShopifyApp app = new ShopifyApp();
        app.shopBaseUrl = "https://{shop}";
        assertThat(app.baseUri(ShopDomain.parse(SampleCatalog.SHOP))).hasToString("https://acme-7cu19ngr.myshopify.com");
        app.shopBaseUrl = "http://127.0.0.1:18080/sandbox/shopify/{shop}";
        assertThat(app.baseUri(ShopDomain.parse(SampleCatalog.SHOP)))
                .hasToString("http://127.0.0.1:18080/sandbox/shopify/acme-7cu19ngr.myshopify.com");
    }

    @Test
    void refusesAnythingButAMyshopifyDomain() {
        assertThatThrownBy(() -> new ShopAccess("evil.example/x?.myshopify.com", URI.create("https://evil.example"), TOKEN))
                .isInstanceOf(ShopDomain.InvalidShop.class);
        assertThatThrownBy(() -> new ShopAccess(SampleCatalog.SHOP, URI.create("https://" + SampleCatalog.SHOP), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
    }
}
