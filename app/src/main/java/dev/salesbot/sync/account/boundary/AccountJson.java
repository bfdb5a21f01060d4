package dev.salesbot.sync.account.boundary;

import dev.salesbot.sync.account.control.AccountConnection;
import dev.salesbot.sync.account.control.ConnectionChecks;
import dev.salesbot.sync.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The merchant's status as {@code GET /connections/status} answers it (what the result pages
 * follow): their connections' states, counts and progress, and each one's checks. Only what the
 * merchant's own pages show: no token, secret or signature.
 */
final class AccountJson {

    private AccountJson() {
    }

    static JsonObject status(UUID merchant, List<AccountConnection> connections, Map<String, Map<String, ConnectionChecks.Check>> checks) {
        JsonArrayBuilder list = Jsonp.createArrayBuilder();
        for (AccountConnection c : connections) {
            JsonObjectBuilder counts = Jsonp.createObjectBuilder();
            c.counts().forEach(counts::add);
            JsonObjectBuilder json = Jsonp.createObjectBuilder()
                    .add("id", c.id()).add("platform", c.platform()).add("target", c.target()).add("name", c.name())
                    .add("state", c.state()).add("state_text", c.stateText()).add("detail", c.detail())
                    .add("last_update_text", ConnectionBoxes.when(c.lastUpdate()))
                    .add("counts", counts)
                    .add("checks", checks(checks.getOrDefault(c.id(), Map.of())));
            if (c.lastUpdate() != null) {
                json.add("last_update", c.lastUpdate().toInstant().toString());
            }
            if (c.progress() != null) {
                json.add("progress", Jsonp.createObjectBuilder().add("fetched", c.progress().fetched()).add("total", c.progress().total()));
            }
            list.add(json);
        }
        return Jsonp.createObjectBuilder().add("user_uuid", merchant.toString())
                .add("updating", connections.stream().anyMatch(c -> c.state().equals("updating")))
                .add("connections", list).build();
    }

    private static JsonObjectBuilder checks(Map<String, ConnectionChecks.Check> checks) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        checks.forEach((field, check) -> {
            JsonObjectBuilder one = Jsonp.createObjectBuilder().add("status", check.status());
            if (check.message() != null) {
                one.add("message", check.message());
            }
            json.add(field, one.add("text", check.text()));
        });
        return json;
    }
}
