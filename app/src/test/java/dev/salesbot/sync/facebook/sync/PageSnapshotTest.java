package dev.salesbot.sync.facebook.sync;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageSnapshotTest {

    @Test
    void wrapsThePageNodeInADataArrayAsTheTutorialsBotReadsIt() {
        JsonObject node = Json.createObjectBuilder().add("id", "101368371725791").add("name", "Fast Online Store PH")
                .add("category", "Footwear store").build();
        JsonObject document = PageSnapshot.document(node, List.of("id", "name", "category"));
        assertThat(document.toString()).isEqualTo(
                "{\"data\":[{\"id\":\"101368371725791\",\"name\":\"Fast Online Store PH\",\"category\":\"Footwear store\"}]}");
    }

    @Test
    void keepsOnlyTheConfiguredFieldsSoNoTokenCanReachStorage() {
        JsonObject node = Json.createObjectBuilder().add("id", "101368371725791").add("name", "Fast Online Store PH")
                .add("access_token", "EAAPageToken").add("tasks", Json.createArrayBuilder().add("MANAGE")).build();
        JsonObject document = PageSnapshot.document(node, List.of("id", "name", "access_token"));
        assertThat(document.toString()).doesNotContain("EAAPageToken", "tasks");
        assertThat(document.getJsonArray("data").getJsonObject(0).keySet()).containsExactly("id", "name");
    }
}
