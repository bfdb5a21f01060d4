package dev.salesbot.sandbox.facebook;

import jakarta.json.JsonObject;

import java.util.Map;

/** What the Graph resource sends back: status, JSON body and headers, decided outside JAX-RS. */
public record GraphAnswer(int status, JsonObject body, Map<String, String> headers) {

    public GraphAnswer {
        headers = Map.copyOf(headers);
    }

    public boolean isError() {
        return body.containsKey("error");
    }
}
