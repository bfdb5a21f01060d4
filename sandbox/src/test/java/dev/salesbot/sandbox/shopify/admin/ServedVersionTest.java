package dev.salesbot.sandbox.shopify.admin;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 25: the sandbox answers in another Admin API version than asked for, as Shopify does after retiring one. */
class ServedVersionTest {

    @Test
    void answersInTheVersionAskedForUnlessSetToFallForward() {
        ServedVersion served = new ServedVersion(null);
        assertThat(served.answering(AdminSchema.API_VERSION)).isEqualTo(AdminSchema.API_VERSION);

        served.fallForwardTo("2027-01");
        assertThat(served.answering(AdminSchema.API_VERSION)).isEqualTo("2027-01");

        served.fallForwardTo(null);
        assertThat(served.answering(AdminSchema.API_VERSION)).isEqualTo(AdminSchema.API_VERSION);
    }

    @Test
    void theSettingStartsItFallenForward() {
        assertThat(new ServedVersion("2027-01").answering(AdminSchema.API_VERSION)).isEqualTo("2027-01");
        assertThat(new ServedVersion(" ").fallForward()).isEmpty();
        assertThatThrownBy(() -> new ServedVersion("2027-02")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServedVersion("2027-01\r\nX-Other: 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAppControlSwitchesItAndSaysSo() {
        SandboxShops shops = new SandboxShops();
        shops.bulkQueries = "allowed";
        shops.answeredVersion = Optional.empty();
        ShopifyControlResource control = new ShopifyControlResource();
        control.shops = shops;

        assertThat(JsonValues.parse(control.app("{\"answeredVersion\": \"2027-01\"}")))
                .isEqualTo(Map.of("bulkQueries", true, "answeredVersion", "2027-01"));
        assertThat(shops.servedVersion().answering(AdminSchema.API_VERSION)).isEqualTo("2027-01");

        assertThat(((Map<?, ?>) JsonValues.parse(control.app("{\"answeredVersion\": null}"))).get("answeredVersion")).isNull();
        assertThat(shops.servedVersion().answering(AdminSchema.API_VERSION)).isEqualTo(AdminSchema.API_VERSION);
    }
}
