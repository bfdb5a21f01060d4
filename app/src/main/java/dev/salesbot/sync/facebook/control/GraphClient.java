package dev.salesbot.sync.facebook.control;

import dev.salesbot.sync.json.Jsonp;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.io.StringReader;
import java.util.List;
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

    GraphCalls calls = new GraphCalls(Sleeper.system());

    private volatile GraphApi api;

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

    public JsonObject permissions(AccessToken user) {
        return calls.call("list the granted permissions",
                () -> send(() -> api().permissions(app.apiVersion(), user.bearer())));
    }

    /** One page of {@code /me/accounts}; {@code after} is the previous page's cursor, or null. */
    public JsonObject accounts(AccessToken user, String after) {
        return calls.call("list the user's Pages", () -> send(() -> api().accounts(
                app.apiVersion(), user.bearer(), ACCOUNT_FIELDS, ACCOUNTS_PAGE_SIZE, after)));
    }

    /** @param pageId already checked by {@link PageIds#valid} */
    public JsonObject page(String pageId, AccessToken page) {
        requireValid(pageId);
        return calls.call("read Page " + pageId, () -> send(() -> api().page(
                app.apiVersion(), page.bearer(), pageId, String.join(",", app.pageFields()))));
    }

    /** Subscribes the app to the Page's webhook fields and answers the fields. */
    public List<String> subscribe(String pageId, AccessToken page) {
        requireValid(pageId);
        List<String> fields = app.webhookFields();
        calls.call("subscribe Page " + pageId + " to webhooks", () -> send(() -> api().subscribe(
                app.apiVersion(), page.bearer(), pageId, String.join(",", fields))));
        return fields;
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
            return new GraphReply(response.getStatus(), parse(text),
                    Usage.of(response.getHeaderString("X-App-Usage"), response.getHeaderString("X-Business-Use-Case-Usage")));
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
