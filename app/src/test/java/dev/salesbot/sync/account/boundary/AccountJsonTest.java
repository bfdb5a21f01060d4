package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.account.control.ConnectionChecks;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /connections/status}: each connection carries its checks, as the result pages follow them. */
class AccountJsonTest {

    private static final UUID MERCHANT = UUID.fromString("6f1c2f0e-8d7a-4b7e-9c55-2b0f4e1d7a10");
    private static final String SHOP = "json-boutique.myshopify.com";

    @Test
    void eachConnectionCarriesItsChecks() {
        AccountConnection store = new AccountConnection("c-1", "shopify", SHOP, SHOP, "up_to_date", "Up to date", "",
                OffsetDateTime.parse("2026-12-07T12:00:00Z"), Map.of("products", 36L), null, true);
        String problem = "Not subscribed: products/update: Address for this topic has already been taken";
        Map<String, ConnectionChecks.Check> checks = new java.util.LinkedHashMap<>();
        checks.put("upload_status", new ConnectionChecks.Check("success", null, "Done: the bot's copy is written; what it holds is shown above."));
        checks.put("webhook_test", new ConnectionChecks.Check("failed", problem, "Not working yet: " + problem));

        JsonObject json = AccountJson.status(MERCHANT, List.of(store), Map.of("c-1", checks));

        JsonObject answered = json.getJsonArray("connections").getJsonObject(0).getJsonObject("checks");
        assertThat(answered.keySet()).containsExactly("upload_status", "webhook_test");
        assertThat(answered.getJsonObject("upload_status").keySet()).as("no message for a success").containsExactly("status", "text");
        assertThat(answered.getJsonObject("webhook_test").getString("status")).isEqualTo("failed");
        assertThat(answered.getJsonObject("webhook_test").getString("message")).isEqualTo(problem);
        assertThat(json.getBoolean("updating")).isFalse();
    }
}
