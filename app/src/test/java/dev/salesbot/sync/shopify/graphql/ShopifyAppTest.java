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

    /** Issue 25: SHOPIFY_API_VERSION is one of Shopify's quarterly versions, checked at start with an anchored pattern. */
    @Test
    void aMalformedApiVersionKeepsTheServerOutOfServiceNamingTheSetting() {
        ShopifyApp app = new ShopifyApp();
        for (String good : new String[]{ShopifyApp.DEFAULT_API_VERSION, "2027-01", "unstable"}) {
            app.apiVersion = good;
            dev.salesbot.sync.config.StartupState startup = new dev.salesbot.sync.config.StartupState();
            app.checkApiVersion(new Object(), startup);
            assertThat(startup.reasons()).as(good).isEmpty();
        }
        for (String bad : new String[]{"2026-11", "2026-10/../x", "2026-10\n", " 2026-10", "v24.0", ""}) {
            app.apiVersion = bad;
            dev.salesbot.sync.config.StartupState startup = new dev.salesbot.sync.config.StartupState();
            app.checkApiVersion(new Object(), startup);
            assertThat(startup.reasons()).as(bad).singleElement().asString().contains("SHOPIFY_API_VERSION");
        }
    }
}
