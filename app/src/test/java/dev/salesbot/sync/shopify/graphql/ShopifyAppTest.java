package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.entity.ShopDomain;
import dev.salesbot.sync.testing.SampleCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyAppTest {

    @Test
    void placesTheShopIntoTheConfiguredBaseUrl() {
        ShopifyApp app = new ShopifyApp();
        app.shopBaseUrl = "https://{shop}";
        assertThat(app.baseUri(ShopDomain.parse(SampleCatalog.SHOP))).hasToString("https://acme-7cu19ngr.myshopify.com");
        app.shopBaseUrl = "http://127.0.0.1:18080/sandbox/shopify/{shop}";
        assertThat(app.baseUri(ShopDomain.parse(SampleCatalog.SHOP)))
                .hasToString("http://127.0.0.1:18080/sandbox/shopify/acme-7cu19ngr.myshopify.com");
    }
}
