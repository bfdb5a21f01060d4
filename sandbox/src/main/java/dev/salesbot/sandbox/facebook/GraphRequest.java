package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Graph call's parameters, merged the way Graph merges them: query string, then a form or JSON
 * body, and the token from {@code access_token} or an {@code Authorization: Bearer} header.
 * Built from plain maps so that logic tests need no JAX-RS runtime.
 */
public record GraphRequest(String version, Map<String, String> params, String bearerToken) {

    public GraphRequest {
        params = Map.copyOf(params);
    }

    public static GraphRequest of(String version, Map<String, List<String>> query, String contentType,
                                  String body, String authorization) {
        Map<String, String> params = new HashMap<>();
        query.forEach((name, values) -> {
            if (!values.isEmpty() && values.get(0) != null) {
                params.put(name, values.get(0));
            }
        });
        if (body != null && !body.isBlank()) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json")) {
                params.putAll(jsonParams(body));
            } else {
                params.putAll(formParams(body));
            }
        }
        String bearer = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            bearer = authorization.substring(7).trim();
        }
        return new GraphRequest(version, params, bearer);
    }

    public static GraphRequest ofParams(String version, Map<String, String> params) {
        return new GraphRequest(version, params, null);
    }

    public String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** The access token, from the parameters first, as Graph prefers. */
    public String token() {
        String fromParams = param("access_token");
        return fromParams != null ? fromParams : bearerToken;
    }

    /**
     * Top-level names of the {@code fields} parameter: {@code picture.type(large){url}} is
     * {@code picture}. Empty when the caller asked for the node's default fields.
     */
    public List<String> fields() {
        String spec = param("fields");
        List<String> names = new ArrayList<>();
        if (spec == null) {
            return names;
        }
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : (spec + ",").toCharArray()) {
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String name = current.toString().trim().split("\\.", 2)[0];
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
                current.setLength(0);
            } else if (depth == 0) {
                current.append(c);
            }
        }
        return names;
    }

    private static Map<String, String> formParams(String body) {
        Map<String, String> params = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.putIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static Map<String, String> jsonParams(String body) {
        Map<String, String> params = new HashMap<>();
        try (JsonReader reader = SandboxJson.JSON.createReader(new StringReader(body))) {
            JsonObject json = reader.readObject();
            json.forEach((name, value) -> params.put(name,
                    value instanceof JsonString s ? s.getString() : value.toString()));
        } catch (RuntimeException e) {
            throw GraphError.invalidParameter("The request body is not a JSON object").exception();
        }
        return params;
    }
}
