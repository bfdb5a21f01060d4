package dev.salesbot.sync.shopify.entity;

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

    @ParameterizedTest
    @ValueSource(strings = {"acme", "ACME", " acme ", "acme.myshopify.com", "https://acme.myshopify.com", "acme.myshopify.com/admin",
            "https://acme.myshopify.com/admin/products?x=1", "https://admin.shopify.com/store/acme",
            "admin.shopify.com/store/acme/products/123", "HTTPS://ADMIN.SHOPIFY.COM/STORE/ACME#top"})
    void readsWhatAShopOwnerTypesOrPastes(String typed) {
        assertThat(ShopDomain.fromTyped(typed).value()).isEqualTo("acme.myshopify.com");
    }

    @Test
    void saysWhatIsWrongWithATypedName() {
        assertThat(whatToDo("")).contains("Type your store's name");
        assertThat(whatToDo("my shop!")).contains("only letters, digits and hyphens");
        assertThat(whatToDo("www.acme.com")).contains("own web address", "Settings → Domains");
        assertThat(whatToDo("https://admin.shopify.com/store/")).contains("own web address");
        assertThat(whatToDo("acme.myshopify.com.evil.test")).contains("own web address");
        assertThat(whatToDo("x".repeat(301))).contains("too long");
    }

    private static String whatToDo(String typed) {
        try {
            ShopDomain.fromTyped(typed);
        } catch (ShopDomain.InvalidShop e) {
            return e.whatToDo();
        }
        throw new AssertionError(typed + " was accepted");
    }
}
