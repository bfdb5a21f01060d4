package dev.salesbot.sync.shopify.entity;

import dev.salesbot.sync.testing.SampleCatalog;
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
    void refusesAnythingButAMyshopifyDomain() {
        assertThatThrownBy(() -> new ShopAccess("evil.example/x?.myshopify.com", URI.create("https://evil.example"), TOKEN))
                .isInstanceOf(ShopDomain.InvalidShop.class);
        assertThatThrownBy(() -> new ShopAccess(SampleCatalog.SHOP, URI.create("https://" + SampleCatalog.SHOP), " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TOKEN);
    }
}
