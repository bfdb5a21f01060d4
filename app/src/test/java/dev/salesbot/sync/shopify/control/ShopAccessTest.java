package dev.salesbot.sync.shopify.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopAccessTest {

    private static final String TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    private static final String SANDBOX_TEMPLATE = "http://127.0.0.1:18080/sandbox/shopify/{shop}";

    @Test
    void neverShowsTheTokenWhenPrinted() {
        ShopAccess access = ShopAccess.fromTemplate("https://{shop}", SampleCatalog.SHOP, TOKEN);

        assertThat(access.toString()).doesNotContain(TOKEN).contains(SampleCatalog.SHOP);
    }

    @Test
    void placesTheShopIntoTheConfiguredBaseUrl() {
        assertThat(ShopAccess.fromTemplate("https://{shop}", SampleCatalog.SHOP, TOKEN).baseUri())
                .hasToString("https://acme-7cu19ngr.myshopify.com");
        assertThat(ShopAccess.fromTemplate(SANDBOX_TEMPLATE, SampleCatalog.SHOP, TOKEN).baseUri())
                .hasToString("http://127.0.0.1:18080/sandbox/shopify/acme-7cu19ngr.myshopify.com");
    }

    @Test
    void refusesAnythingButAMyshopifyDomain() {
        assertThatThrownBy(() -> ShopAccess.fromTemplate("https://{shop}", "evil.example/x?.myshopify.com", TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShopAccess.fromTemplate("https://{shop}", SampleCatalog.SHOP, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
    }
}
