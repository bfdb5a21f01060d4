package dev.salesbot.sync.testing;

import dev.salesbot.sandbox.facebook.SandboxPage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the simulated Facebook the way a merchant (through its dialog) and a test (through its controls) would. */
public final class SandboxFacebook {

    public static final String TOKEN_ENDPOINT = "POST /graph/oauth/access_token";
    /** The token endpoint asked with GET: its parameters (the app secret among them) in the URL. */
    public static final String TOKEN_ENDPOINT_BY_URL = "GET /graph/oauth/access_token";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern PAGE_BOX = Pattern.compile("<input type=\"checkbox\" name=\"page\" value=\"([^\"]*)\"");

    /** What the user does in the dialog. */
    public record Choice(boolean allow, List<String> pageIds, List<String> declinedScopes) {

        public static Choice allowAll() {
            return new Choice(true, null, List.of());
        }

        public static Choice deny() {
            return new Choice(false, null, List.of());
        }

        public static Choice onlyPages(List<String> pageIds) {
            return new Choice(true, pageIds, List.of());
        }

        public static Choice declining(String... scopes) {
            return new Choice(true, null, List.of(scopes));
        }
    }

    private SandboxFacebook() {
    }

    /** {@code /facebook/login}, the dialog, the user's choice: answers Facebook's redirect to the callback (not yet followed). */
    public static URI dialogUntilCallback(Browser browser, Choice choice) {
        HttpResponse<String> login = browser.get("/facebook/login", Browser.HTML);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        URI dialog = URI.create(login.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> page = browser.get(dialog.toString(), Browser.HTML);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<Map.Entry<String, String>> form = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.add(new AbstractMap.SimpleEntry<>(hidden.group(1), unescape(hidden.group(2))));
        }
        List<String> pages = choice.pageIds() != null ? choice.pageIds()
                : PAGE_BOX.matcher(page.body()).results().map(m -> unescape(m.group(1))).toList();
        pages.forEach(id -> form.add(new AbstractMap.SimpleEntry<>("page", id)));
        choice.declinedScopes().forEach(s -> form.add(new AbstractMap.SimpleEntry<>("declined_scope", s)));
        form.add(new AbstractMap.SimpleEntry<>("decision", choice.allow() ? "allow" : "deny"));
        String body = form.stream().map(e -> Browser.enc(e.getKey()) + "=" + Browser.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        String confirm = dialog.getScheme() + "://" + dialog.getRawAuthority() + dialog.getRawPath() + "/confirm";
        HttpResponse<String> decided = browser.send(HttpRequest.newBuilder(Browser.resolve(confirm))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", Browser.HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return URI.create(decided.headers().firstValue("Location").orElseThrow());
    }

    public static void reset() {
        control("POST", "reset", null);
    }

    /** Holds the app to Graph v27's rules for new apps (field aliases and multi-id requests refused), or releases it. */
    public static void v27(boolean on) {
        control("PUT", "app", "{\"v27\":" + on + "}");
    }

    public static void seedUser(int pages, boolean nonNumericPageId) {
        control("PUT", "user", "{\"pages\":" + pages + ",\"nonNumericPageId\":" + nonNumericPageId + "}");
    }

    public static void expireToken(String pageId) {
        control("POST", "pages/" + pageId + "/expire-token", null);
    }

    public static void planRateLimits(int code, int count) {
        control("PUT", "faults", "{\"rateLimitCode\":" + code + ",\"count\":" + count + "}");
    }

    public static void forceUsage(int percent) {
        control("PUT", "usage", "{\"percent\":" + percent + "}");
    }

    /** The Page's admin changes {@code field} on Facebook; Meta notifies the app's webhook. */
    public static void editPage(String pageId, String field, String value) {
        control("POST", "pages/" + pageId, Json.createObjectBuilder().add(field, value).build().toString());
    }

    /** The Page's admin removes the app from the Page: its {@code subscribed_apps} entry is gone, silently. */
    public static void removeAppFromPage(String pageId) {
        control("DELETE", "pages/" + pageId + "/subscribed_apps", null);
    }

    /** The user removes the app: Meta revokes their tokens and calls the Deauthorize callback; answers {status, body}. */
    public static JsonObject deauthorize() {
        return Json.createReader(new StringReader(control("POST", "users/deauthorize", null))).readObject();
    }

    /** The user asks Meta to delete their data: the Data Deletion callback; answers {status, body}. */
    public static JsonObject requestDataDeletion() {
        return Json.createReader(new StringReader(control("POST", "users/data-deletion", null))).readObject();
    }

    /** What the sandbox delivered: attempts, failures, delivered. */
    public static JsonObject deliveries() {
        return Json.createReader(new StringReader(control("GET", "deliveries", null))).readObject();
    }

    public static void resetDeliveries() {
        control("POST", "deliveries/reset", null);
    }

    public static void duplicateDeliveries(boolean on) {
        control("PUT", "deliveries", "{\"duplicate\":" + on + "}");
    }

    public static JsonObject stats() {
        return Json.createReader(new StringReader(control("GET", "stats", null))).readObject();
    }

    public static long requests(String methodAndPath) {
        JsonObject byPath = stats().getJsonObject("byPath");
        return byPath.containsKey(methodAndPath) ? byPath.getJsonNumber(methodAndPath).longValue() : 0;
    }

    public static List<String> issuedTokens() {
        return stats().getJsonArray("issuedTokens").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    /** The snapshot the product must store for {@code page}: the Graph node with every default field, in a data array. */
    public static JsonObject expectedSnapshot(SandboxPage page) {
        JsonArrayBuilder emails = Json.createArrayBuilder();
        page.emails().forEach(emails::add);
        JsonObjectBuilder hours = Json.createObjectBuilder();
        page.hours().forEach(hours::add);
        SandboxPage.Location l = page.location();
        JsonObject node = Json.createObjectBuilder()
                .add("id", page.id()).add("name", page.name()).add("category", page.category())
                .add("about", page.about()).add("description", page.description()).add("website", page.website())
                .add("phone", page.phone()).add("emails", emails).add("hours", hours)
                .add("location", Json.createObjectBuilder().add("city", l.city()).add("country", l.country())
                        .add("latitude", l.latitude()).add("longitude", l.longitude())
                        .add("street", l.street()).add("zip", l.zip()))
                .add("link", page.link())
                .add("picture", Json.createObjectBuilder().add("data", Json.createObjectBuilder()
                        .add("height", 50).add("is_silhouette", false).add("url", page.pictureUrl()).add("width", 50)))
                .add("fan_count", page.fanCount())
                .build();
        return Json.createObjectBuilder().add("data", Json.createArrayBuilder().add(node)).build();
    }

    private static String control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve("sandbox/facebook/_control/" + path))
                .header("Accept", "application/json");
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = new Browser().send(request);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 204);
        return response.body();
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
