package dev.salesbot.sandbox.shopify.admin;

import java.util.Map;

/** An Admin API answer: HTTP status, JSON body (maps and lists) and extra headers. */
record AdminAnswer(int status, Object body, Map<String, String> headers) {

    static AdminAnswer ok(Object body) {
        return new AdminAnswer(200, body, Map.of());
    }
}
