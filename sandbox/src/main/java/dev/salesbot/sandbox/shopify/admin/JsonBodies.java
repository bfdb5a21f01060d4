package dev.salesbot.sandbox.shopify.admin;

import jakarta.ws.rs.BadRequestException;

import java.util.Map;

/** Control endpoints' small JSON bodies: an object, or empty; anything else is a 400. */
final class JsonBodies {

    private JsonBodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String body) {
        try {
            if (body == null || body.isBlank()) {
                return Map.of();
            }
            if (JsonValues.parse(body) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (jakarta.json.JsonException e) {
            // answered below
        }
        throw new BadRequestException("body must be a JSON object");
    }
}
