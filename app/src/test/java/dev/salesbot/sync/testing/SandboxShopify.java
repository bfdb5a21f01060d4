package dev.salesbot.sync.testing;

import dev.salesbot.sync.security.control.ShopifyQuerySignature;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the simulated Shopify the way a merchant and a test would. */
public final class SandboxShopify {

    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern OPEN_APP = Pattern.compile("<a id=\"open-app\" href=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private SandboxShopify() {
    }

    /**
     * Login, the install page, the Install button: answers Shopify's redirect back to the app's
     * callback (not yet followed).
     */
    public static URI installUntilCallback(Browser browser, String shop) {
        HttpResponse<String> login = browser.get("/shopify/" + shop + "/login", Browser.HTML);
        assertThat(login.statusCode()).as("login redirects to Shopify").isEqualTo(303);
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = browser.get(authorize.toString(), Browser.HTML);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            form.put(m.group(1), unescape(m.group(2)));
        }
        // Where a browser posts: the form's action resolved against the page's URL (the page itself,
        // query and all, when there is none), so the test sees what a merchant's browser would.
        Matcher action = ACTION.matcher(page.body());
        URI install = action.find() ? authorize.resolve(action.group(1)) : authorize;
        HttpResponse<String> installed = browser.postForm(install.toString(), form);
        assertThat(installed.statusCode()).as("install redirects back to the app").isEqualTo(302);
        return URI.create(installed.headers().firstValue("Location").orElseThrow());
    }

    /**
     * The merchant presses <em>Open app</em> on the sandbox's store admin page: answers the signed
     * App URL the Shopify admin sends the browser to (not yet followed).
     */
    public static URI openApp(Browser browser, String shop) {
        HttpResponse<String> admin = browser.get("sandbox/shopify/" + shop + "/admin/products", Browser.HTML);
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        Matcher link = OPEN_APP.matcher(admin.body());
        assertThat(link.find()).as("the store admin's Open app link").isTrue();
        HttpResponse<String> opened = browser.get(unescape(link.group(1)), Browser.HTML);
        assertThat(opened.statusCode()).as("the admin sends the browser to the App URL").isEqualTo(302);
        return URI.create(opened.headers().firstValue("Location").orElseThrow());
    }

    /** A launch of the App URL for {@code params} ({@code host}, {@code shop}, {@code timestamp}…), hmac computed with {@code secret}. */
    public static String launchUrl(Map<String, String> params, String secret) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("hmac");
        signed.put("hmac", ShopifyQuerySignature.sign(secret, signed));
        return "/?" + signed.entrySet().stream()
                .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The callback URL for {@code params}, hmac recomputed with {@code secret} (the app's, or a forger's). */
    public static String callbackUrl(Map<String, String> params, String secret) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.remove("hmac");
        signed.put("hmac", ShopifyQuerySignature.sign(secret, signed));
        return "/shopify/callback?" + signed.entrySet().stream()
                .map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String appSecret() {
        return ItSettings.get("SHOPIFY_API_SECRET");
    }

    public static void failTokenEndpoint(String shop, int status, int count) {
        control("PUT", "sandbox/shopify/_control/oauth/shops/" + shop + "/faults",
                "{\"tokenStatus\":" + status + ",\"count\":" + count + "}");
    }

    /** The store grants only {@code scope} at install, whatever the app asks for. */
    public static void grantOnly(String shop, String scope) {
        control("PUT", "sandbox/shopify/_control/oauth/shops/" + shop + "/faults",
                "{\"tokenStatus\":0,\"count\":0,\"grantedScope\":\"" + scope + "\"}");
    }

    /** Tokens live {@code seconds}; the next {@code lost} refresh answers are lost after Shopify carried the refreshes out. */
    public static void shortLivedTokensWithLostAnswers(String shop, int seconds, int lost) {
        control("PUT", "sandbox/shopify/_control/oauth/shops/" + shop + "/faults",
                "{\"tokenStatus\":0,\"count\":0,\"accessTokenTtlSeconds\":" + seconds + ",\"dropAnswers\":" + lost + "}");
    }

    /** The shop's issued tokens lose {@code scope}, as when a merchant narrows the app's access. */
    public static void revokeScope(String shop, String scope) {
        control("POST", "sandbox/shopify/_control/oauth/shops/" + shop + "/revoke-scope", "{\"scope\":\"" + scope + "\"}");
    }

    /** Every token issued for {@code shop} stops working, silently: the Admin API answers 401. */
    public static void revokeTokens(String shop) {
        control("POST", "sandbox/shopify/_control/oauth/shops/" + shop + "/revoke-tokens", "{}");
    }

    /** Every Admin call of {@code shop} takes {@code millis} longer. */
    public static void adminLatency(String shop, long millis) {
        control("PUT", "sandbox/shopify/_control/shops/" + shop + "/latency", "{\"millis\":" + millis + "}");
    }

    /** From now on the sandbox issues {@code shop} access tokens that expire after {@code seconds}. */
    public static void shortLivedTokens(String shop, int seconds) {
        control("PUT", "sandbox/shopify/_control/oauth/shops/" + shop + "/faults",
                "{\"tokenStatus\":0,\"count\":0,\"accessTokenTtlSeconds\":" + seconds + "}");
    }

    public static int tokenRequests(String shop) {
        String stats = control("GET", "sandbox/shopify/_control/oauth/shops/" + shop + "/stats", null);
        Matcher m = Pattern.compile("\"tokenRequests\":(\\d+)").matcher(stats);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    public static List<String> issuedTokens(String shop) {
        String stats = control("GET", "sandbox/shopify/_control/oauth/shops/" + shop + "/stats", null);
        Matcher m = Pattern.compile("\"(shpat_[0-9a-f]+)\"").matcher(stats);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static String control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(path)).header("Accept", "application/json");
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = new Browser().send(request);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response.body();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
