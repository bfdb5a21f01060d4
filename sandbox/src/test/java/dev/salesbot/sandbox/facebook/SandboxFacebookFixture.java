package dev.salesbot.sandbox.facebook;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated Facebook with a hand-moved clock, and the steps a product takes through it (dialog,
 * code exchange, long-lived exchange, Graph calls) named as the product would name them.
 */
final class SandboxFacebookFixture {

    static final String APP_ID = "1000000000000001";
    static final String APP_SECRET = "sandbox-facebook-app-secret";
    static final String REDIRECT_URI = "https://salesbot.example/facebook/callback";
    static final String SCOPES = "pages_show_list,pages_read_engagement,pages_manage_metadata";
    static final String GRAPH_BASE = "http://127.0.0.1:8080/sandbox/facebook/graph";
    static final String VERSION = "v24.0";
    static final String STATE = "st-4f2a9c";

    final MutableClock clock = new MutableClock();
    final FacebookWorld world;
    final FacebookSandbox sandbox;

    SandboxFacebookFixture(int pages) {
        this(pages, 10_000);
    }

    SandboxFacebookFixture(int pages, int callsPerHour) {
        world = new FacebookWorld(new FacebookSettings(APP_ID, APP_SECRET, pages, callsPerHour), clock);
        sandbox = new FacebookSandbox(world);
    }

    /** The user presses Continue with every Page ticked and no scope declined. */
    String code() {
        return codeFromRedirect(consent(List.of(), false, List.of()));
    }

    URI consent(List<String> pageIds, boolean pagesChosen, List<String> declinedScopes) {
        return sandbox.decide(new DialogDecision(APP_ID, REDIRECT_URI, STATE, SCOPES, true,
                pageIds, pagesChosen, declinedScopes));
    }

    URI cancel() {
        return sandbox.decide(new DialogDecision(APP_ID, REDIRECT_URI, STATE, SCOPES, false,
                List.of(), false, List.of()));
    }

    static String codeFromRedirect(URI redirect) {
        return query(redirect).get("code");
    }

    GraphAnswer exchange(String code, String redirectUri, String secret) {
        return sandbox.accessToken("POST", request("client_id", APP_ID, "client_secret", secret,
                "redirect_uri", redirectUri, "code", code));
    }

    GraphAnswer exchange(String code) {
        return exchange(code, REDIRECT_URI, APP_SECRET);
    }

    String userToken(String code) {
        return exchange(code).body().getString("access_token");
    }

    String userToken() {
        return userToken(code());
    }

    GraphAnswer longLived(String userToken) {
        return sandbox.accessToken("POST", request("grant_type", "fb_exchange_token", "client_id", APP_ID,
                "client_secret", APP_SECRET, "fb_exchange_token", userToken));
    }

    GraphAnswer accounts(String token, String... more) {
        return sandbox.accounts(request(with(more, "access_token", token)), GRAPH_BASE);
    }

    GraphAnswer page(String pageId, String token, String fields) {
        return sandbox.page(request("access_token", token, "fields", fields), pageId);
    }

    /** The Page token {@code /me/accounts} hands out for {@code pageId}. */
    String pageToken(String userToken, String pageId) {
        return accounts(userToken).body().getJsonArray("data").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(p -> p.getString("id").equals(pageId))
                .findFirst().orElseThrow()
                .getString("access_token");
    }

    String firstPageId() {
        return world.pages().get(0).id();
    }

    static GraphRequest request(String... keyValues) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                params.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return GraphRequest.ofParams(VERSION, params);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String[] with(String[] more, String key, String value) {
        String[] all = new String[more.length + 2];
        all[0] = key;
        all[1] = value;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }
}
