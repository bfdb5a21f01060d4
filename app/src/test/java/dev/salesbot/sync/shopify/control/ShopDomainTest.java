package dev.salesbot.sync.shopify.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShopDomainTest {

    @Test
    void readsABareStoreNameAsItsMyshopifyDomain() {
        assertThat(ShopDomain.parse("acme").value()).isEqualTo("acme.myshopify.com");
        assertThat(ShopDomain.parse("acme-7cu19ngr").value()).isEqualTo("acme-7cu19ngr.myshopify.com");
    }

    @Test
    void acceptsAFullDomainInAnyCase() {
        assertThat(ShopDomain.parse("Acme-Store.MyShopify.com").value()).isEqualTo("acme-store.myshopify.com");
        assertThat(ShopDomain.parse("acme.myshopify.com").name()).isEqualTo("acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.com", "a.myshopify.com.evil.test", "-x", "x/../y", "evil.com/.myshopify.com",
            "evil.com%2F.myshopify.com", "acme.myshopify.com/", "acme.myshopify.com\n", ".myshopify.com",
            "a..myshopify.com", "acme.myshopify.com@evil.test", "acme_store", "", " ", "acme.myshopify.com.",
            "xn--80ak6aa92e.com", "acme.myshopify.community"})
    void refusesAnythingButAShopifyShop(String input) {
        assertThatThrownBy(() -> ShopDomain.parse(input)).isInstanceOf(ShopDomain.InvalidShop.class);
    }

    @Test
    void refusesANameLongerThanADnsLabel() {
        assertThatThrownBy(() -> ShopDomain.parse("a".repeat(64))).isInstanceOf(ShopDomain.InvalidShop.class);
        assertThat(ShopDomain.parse("a".repeat(63)).name()).hasSize(63);
    }

    @Test
    void quotesOnlyAPrintablePrefixOfBadInput() {
        assertThatThrownBy(() -> ShopDomain.parse("bad\u0000" + "x".repeat(200)))
                .hasMessageContaining("bad?").hasMessageContaining("…");
    }
}
