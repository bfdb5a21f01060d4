package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {

    private static final List<String> REQUIRED = FacebookApp.list(FacebookApp.DEFAULT_SCOPES);

    @Test
    void findsNothingMissingWhenEveryRequiredPermissionIsGranted() {
        assertThat(Permissions.missing(permissions(REQUIRED, List.of()), REQUIRED)).isEmpty();
    }

    @Test
    void namesADeclinedPermission() {
        JsonObject answer = permissions(List.of("pages_show_list", "pages_manage_metadata", "pages_read_engagement"),
                List.of("pages_messaging"));
        assertThat(Permissions.missing(answer, REQUIRED)).containsExactly("pages_messaging");
    }

    @Test
    void countsAPermissionThatIsNotListedAtAllAsMissing() {
        assertThat(Permissions.missing(permissions(List.of("public_profile"), List.of()), REQUIRED))
                .containsExactlyElementsOf(REQUIRED);
        assertThat(Permissions.missing(Json.createObjectBuilder().build(), REQUIRED)).containsExactlyElementsOf(REQUIRED);
    }

    private static JsonObject permissions(List<String> granted, List<String> declined) {
        JsonArrayBuilder data = Json.createArrayBuilder();
        granted.forEach(p -> data.add(Json.createObjectBuilder().add("permission", p).add("status", "granted")));
        declined.forEach(p -> data.add(Json.createObjectBuilder().add("permission", p).add("status", "declined")));
        return Json.createObjectBuilder().add("data", data).build();
    }
}
