package dev.salesbot.sync.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console as a test uses it: HTTP Basic calls of the JSON API with the integration
 * tests' admin (it.properties), and the browser's form login.
 */
public final class AdminClient {

    public static final String USER = "it-admin";
    /** The password whose hash is it.properties' ADMIN_PASSWORD_HASH. */
    public static final String PASSWORD = "it-admin-password-7f3e";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private AdminClient() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> get(String path) {
        return new Browser().send(HttpRequest.newBuilder(Browser.resolve(path)).header("Authorization", basic(USER, PASSWORD))
                .header("Accept", "application/json").GET());
    }

    /** A state-changing call with {@code Content-Type: application/json}, as the API requires. */
    public static HttpResponse<String> call(String method, String path) {
        return new Browser().send(HttpRequest.newBuilder(Browser.resolve(path)).header("Authorization", basic(USER, PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** The connection the console lists for {@code target} (a shop domain or a Page id). */
    public static JsonObject connection(String target) {
        HttpResponse<String> answer = get("/admin/api/connections");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).getJsonArray("connections").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("target").equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + target + " in " + answer.body()));
    }

    /** Logs {@code browser} in through the form; answers the dashboard's CSRF token. */
    public static String login(Browser browser) {
        HttpResponse<String> form = browser.get("/admin/login", Browser.HTML);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        HttpResponse<String> done = browser.postForm("/admin/login", Map.of("csrf", csrf(form.body()), "username", USER, "password", PASSWORD));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        return csrf(browser.get("/admin", Browser.HTML).body());
    }

    public static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in " + page).isTrue();
        return m.group(1);
    }
}
