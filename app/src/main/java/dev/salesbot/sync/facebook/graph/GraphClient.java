package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.config.ServerInstance;
import dev.salesbot.sync.config.UserAgentFilter;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.queue.control.Sleeper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Graph API calls of this feature, each paced and retried by {@link GraphCalls}. Nothing here
 * logs a URL, a token or the app secret; failures carry Graph's code and message only.
 */
@ApplicationScoped
public class GraphClient {

    static final int ACCOUNTS_PAGE_SIZE = 25;
    private static final String ACCOUNT_FIELDS = "id,name,category,access_token";

    @Inject
    FacebookApp app;

    @Inject
    ServerInstance instance;

    @Inject
    dev.salesbot.sync.monitoring.control.Meters meters;

    GraphCalls calls = new GraphCalls(Sleeper.system(GraphException::interrupted));

    private volatile GraphApi api;
    private final java.util.concurrent.atomic.AtomicReference<AccessToken> appToken = new java.util.concurrent.atomic.AtomicReference<>();

    /** The short-lived user token for the Login dialog's code. */
    public AccessToken exchangeCode(String code) {
        return token(calls.call("exchange the Login code for a user token", () -> send(() -> api().exchangeCode(
                app.apiVersion(), app.appId(), app.appSecret(), app.redirectUri(), code))));
    }

    /** A long-lived (about 60 days) user token; Page tokens listed with it do not expire on their own. */
    public AccessToken longLived(AccessToken shortLived) {
        return token(calls.call("exchange the user token for a long-lived one", () -> send(() -> api().exchangeToken(
                app.apiVersion(), "fb_exchange_token", app.appId(), app.appSecret(), shortLived.value()))));
    }

    public FacebookApp app() {
        return app;
    }

    /** The user's app-scoped id, checked as digits only (it names the user in Meta's deauthorize and deletion callbacks). */
    public String userId(AccessToken user) {
        JsonObject me = calls.call("read the user's id", () -> send(() -> api().me(app.apiVersion(), user.bearer(), "id",
                app.proof(user))));
        String id = me.getString("id", "");
        if (!PageIds.valid(id)) {
            throw new GraphException(200, 0, null, "Facebook answered a user id that is not digits only");
        }
        return id;
    }

    public JsonObject permissions(AccessToken user) {
        return calls.call("list the granted permissions",
                () -> send(() -> api().permissions(app.apiVersion(), user.bearer(), app.proof(user))));
    }

    /** One page of {@code /me/accounts}; {@code after} is the previous page's cursor, or null. */
    public JsonObject accounts(AccessToken user, String after) {
        return calls.call("list the user's Pages", () -> send(() -> api().accounts(
                app.apiVersion(), user.bearer(), ACCOUNT_FIELDS, ACCOUNTS_PAGE_SIZE, after, app.proof(user))));
    }

    /** @param pageId already checked by {@link PageIds#valid} */
    public JsonObject page(String pageId, AccessToken page) {
        requireValid(pageId);
        return calls.call("read Page " + pageId, () -> send(() -> api().page(
                app.apiVersion(), page.bearer(), pageId, String.join(",", app.pageFields()), app.proof(page))));
    }

    /** The fields this app is subscribed to on the Page ({@code subscribed_apps}), empty if it is not. */
    public List<String> subscribedFields(String pageId, AccessToken page) {
        requireValid(pageId);
        JsonObject answer = calls.call("read the webhook subscription of Page " + pageId, () -> send(() -> api().subscribedApps(
                app.apiVersion(), page.bearer(), pageId, app.proof(page))));
        JsonArray data = answer.getJsonArray("data");
        if (data == null) {
            return List.of();
        }
        return data.getValuesAs(JsonObject.class).stream().filter(a -> app.appId().equals(a.getString("id", "")))
                .findFirst().map(a -> a.getJsonArray("subscribed_fields"))
                .map(f -> f.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList())
                .orElse(List.of());
    }

    /** Subscribes the app to the Page's webhook fields and answers the fields. */
    public List<String> subscribe(String pageId, AccessToken page) {
        requireValid(pageId);
        List<String> fields = app.webhookFields();
        calls.call("subscribe Page " + pageId + " to webhooks", () -> send(() -> api().subscribe(
                app.apiVersion(), page.bearer(), pageId, String.join(",", fields), app.proof(page))));
        return fields;
    }

    /** Removes the app from the Page's {@code subscribed_apps}: Meta stops sending the Page's webhooks. */
    public void unsubscribe(String pageId, AccessToken page) {
        requireValid(pageId);
        calls.call("unsubscribe Page " + pageId + " from webhooks", () -> send(() -> api().unsubscribe(
                app.apiVersion(), page.bearer(), pageId, app.proof(page))));
    }

    /** The app's subscription for {@code object} (callback URL, fields, active), if it has one. */
    public Optional<AppSubscription> appSubscription(String object) {
        JsonObject answer = withAppToken("read the app's webhook subscriptions",
                token -> api().appSubscriptions(app.apiVersion(), token.bearer(), app.appId()));
        JsonArray data = answer.getJsonArray("data");
        if (data == null) {
            return Optional.empty();
        }
        return data.getValuesAs(JsonObject.class).stream().filter(s -> object.equals(s.getString("object", ""))).findFirst()
                .map(s -> new AppSubscription(s.getString("callback_url", ""), s.getBoolean("active", false),
                        s.getJsonArray("fields") == null ? List.of() : s.getJsonArray("fields").getValuesAs(JsonObject.class)
                                .stream().map(f -> f.getString("name", "")).toList()));
    }

    /** Creates or replaces the app's subscription for Page events; Meta verifies the callback URL first. */
    public void subscribeApp(String callbackUrl, String verifyToken, List<String> fields) {
        withAppToken("subscribe the app to Page webhooks", token -> api().subscribeApp(app.apiVersion(), token.bearer(),
                app.appId(), "page", callbackUrl, verifyToken, String.join(",", fields), "true"));
    }

    /** The app's webhook subscription for one object type, as {@code /{app-id}/subscriptions} lists it. */
    public record AppSubscription(String callbackUrl, boolean active, List<String> fields) {
    }

    /** A call with the app token, fetched once and kept in memory only; a refused one is fetched again, once. */
    private JsonObject withAppToken(String what, java.util.function.Function<AccessToken, Response> call) {
        try {
            return calls.call(what, () -> send(() -> call.apply(appToken())));
        } catch (GraphException e) {
            if (e.code() != 190) {
                throw e;
            }
            appToken.set(null);
            return calls.call(what, () -> send(() -> call.apply(appToken())));
        }
    }

    private AccessToken appToken() {
        AccessToken current = appToken.get();
        if (current == null) {
            current = token(calls.call("obtain an app access token", () -> send(() -> api().appToken(
                    app.apiVersion(), "client_credentials", app.appId(), app.appSecret()))));
            appToken.set(current);
        }
        return current;
    }

    private GraphReply send(Supplier<Response> call) {
        Response answered;
        try {
            answered = call.get();
        } catch (WebApplicationException e) {
            // Only if a runtime ignores the disabled default mapper: the error answer is still there.
            answered = e.getResponse();
        } catch (ProcessingException e) {
            // The cause's message may quote the request; only its type is safe to repeat.
            throw new GraphException(0, 0, null, "Facebook's Graph API could not be reached ("
                    + e.getClass().getSimpleName() + ")");
        }
        try (Response response = answered) {
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            Usage usage = Usage.of(response.getHeaderString("X-App-Usage"), response.getHeaderString("X-Business-Use-Case-Usage"));
            if (meters != null) {
                meters.graphRequest(usage.percent());
            }
            return new GraphReply(response.getStatus(), parse(text), usage);
        }
    }

    private static JsonObject parse(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (RuntimeException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    private static AccessToken token(JsonObject answer) {
        String token = answer.getString("access_token", "");
        if (token.isBlank()) {
            throw new GraphException(200, 0, null, "Facebook's token endpoint answered without an access token");
        }
        return new AccessToken(token);
    }

    private static void requireValid(String pageId) {
        if (!PageIds.valid(pageId)) {
            throw new IllegalArgumentException("not a Facebook Page id");
        }
    }

    private GraphApi api() {
        GraphApi current = api;
        if (current == null) {
            synchronized (this) {
                if (api == null) {
                    api = RestClientBuilder.newBuilder()
                            .baseUri(app.graphBase())
                            .connectTimeout(10, TimeUnit.SECONDS)
                            .readTimeout(30, TimeUnit.SECONDS)
                            // Error answers carry Graph's code and usage headers: read them, do not map them away.
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .register(new UserAgentFilter(instance))
                            .build(GraphApi.class);
                }
                current = api;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // shutting down: nothing left to lose
            }
        }
    }
}
