package dev.salesbot.sandbox.facebook;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphRequestTest {

    @Test
    void queryTokenWinsOverBearerHeader() {
        GraphRequest request = GraphRequest.of("v24.0", Map.of("access_token", List.of("EAAquery")), null, null,
                "Bearer EAAheader");

        assertThat(request.token()).isEqualTo("EAAquery");
    }

    @Test
    void readsTokenFromBearerHeader() {
        GraphRequest request = GraphRequest.of("v24.0", Map.of(), null, null, "bearer EAAheader");

        assertThat(request.token()).isEqualTo("EAAheader");
    }

    @Test
    void readsFormBody() {
        GraphRequest request = GraphRequest.of("v24.0", Map.of(), "application/x-www-form-urlencoded",
                "subscribed_fields=name%2Ccategory&access_token=EAAform", null);

        assertThat(request.param("subscribed_fields")).isEqualTo("name,category");
        assertThat(request.token()).isEqualTo("EAAform");
    }

    @Test
    void readsJsonBodyWithArrayAsJsonText() {
        GraphRequest request = GraphRequest.of("v24.0", Map.of(), "application/json; charset=UTF-8",
                "{\"subscribed_fields\":[\"feed\"],\"access_token\":\"EAAjson\"}", null);

        assertThat(PageNodes.parseFields(request.param("subscribed_fields"))).containsExactly("feed");
        assertThat(request.token()).isEqualTo("EAAjson");
    }

    @Test
    void fieldsKeepTopLevelNamesOnly() {
        GraphRequest request = GraphRequest.ofParams("v24.0",
                Map.of("fields", "id, name,picture.type(large){url,height},location{city,country}"));

        assertThat(request.fields()).containsExactly("id", "name", "picture", "location");
    }
}
