package dev.salesbot.sandbox.facebook;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;

/**
 * The simulated Facebook the server runs: one {@link FacebookWorld} and the operations the
 * resources delegate to. Every Graph operation goes through {@link GraphCalls}, so counting,
 * throttling and usage headers cannot be forgotten on a new endpoint.
 */
@ApplicationScoped
public class FacebookSandbox {

    private static final System.Logger LOGGER = System.getLogger(FacebookSandbox.class.getName());

    private final FacebookWorld world;
    private final GraphCalls calls;
    private final OAuthExchange oauth;
    private final UserEdges users;
    private final PageNodes pages;
    private final LoginDialog dialog;
    private final AppEdges apps;

    /** For CDI's client proxy only. */
    protected FacebookSandbox() {
        this.world = null;
        this.calls = null;
        this.oauth = null;
        this.users = null;
        this.pages = null;
        this.dialog = null;
        this.apps = null;
    }

    @Inject
    public FacebookSandbox(
            @ConfigProperty(name = "SANDBOX_FACEBOOK_APP_ID", defaultValue = "1000000000000001") String appId,
            @ConfigProperty(name = "SANDBOX_FACEBOOK_APP_SECRET", defaultValue = "sandbox-facebook-app-secret")
            String appSecret,
            @ConfigProperty(name = "SANDBOX_FACEBOOK_PAGES", defaultValue = "3") int pageCount,
            @ConfigProperty(name = "SANDBOX_FACEBOOK_CALLS_PER_HOUR", defaultValue = "600") int callsPerHour,
            @ConfigProperty(name = "SANDBOX_FACEBOOK_REQUIRE_APPSECRET_PROOF", defaultValue = "false") boolean requireProof,
            @ConfigProperty(name = "SANDBOX_FACEBOOK_GRAPH_V27", defaultValue = "false") boolean v27) {
        this(new FacebookWorld(new FacebookSettings(appId, appSecret, pageCount, callsPerHour), Clock.systemUTC()));
        world.requireAppSecretProof(requireProof);
        world.v27(v27);
        LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook: app {0}, {1} Page(s), {2} Graph calls/hour",
                appId, pageCount, callsPerHour);
    }

    public FacebookSandbox(FacebookWorld world) {
        this.world = world;
        this.calls = new GraphCalls(world);
        this.oauth = new OAuthExchange(world);
        this.users = new UserEdges(world);
        this.pages = new PageNodes(world);
        this.dialog = new LoginDialog(world);
        this.apps = new AppEdges(world);
    }

    /** The world this sandbox serves, for the beans that deliver its webhooks and callbacks. */
    FacebookWorld world() {
        return world;
    }

    // --- Graph

    /** {@code method} is counted apart, so a test can prove the app secret never travelled in a URL (GET). */
    public GraphAnswer accessToken(String method, GraphRequest request) {
        return calls.answer(method, request.version(), "/oauth/access_token", null, false,
                () -> oauth.accessToken(request));
    }

    public GraphAnswer me(GraphRequest request) {
        return calls.answer("GET", request.version(), "/me", null, true, request, () -> users.me(request));
    }

    public GraphAnswer accounts(GraphRequest request, String graphBase) {
        return calls.answer("GET", request.version(), "/me/accounts", null, true, request,
                () -> users.accounts(request, graphBase));
    }

    public GraphAnswer permissions(GraphRequest request) {
        return calls.answer("GET", request.version(), "/me/permissions", null, true, request,
                () -> users.permissions(request));
    }

    public GraphAnswer page(GraphRequest request, String pageId) {
        return calls.answer("GET", request.version(), "/" + pageId, pageId, true, request, () -> pages.read(request, pageId));
    }

    public GraphAnswer subscribedApps(GraphRequest request, String pageId) {
        return calls.answer("GET", request.version(), "/" + pageId + "/subscribed_apps", pageId, true, request,
                () -> pages.subscribedApps(request, pageId));
    }

    public GraphAnswer subscribe(GraphRequest request, String pageId) {
        return calls.answer("POST", request.version(), "/" + pageId + "/subscribed_apps", pageId, true, request,
                () -> pages.subscribe(request, pageId));
    }

    public GraphAnswer unsubscribe(GraphRequest request, String pageId) {
        return calls.answer("DELETE", request.version(), "/" + pageId + "/subscribed_apps", pageId, true, request,
                () -> pages.unsubscribe(request, pageId));
    }

    public GraphAnswer appSubscriptions(GraphRequest request, String appId) {
        return calls.answer("GET", request.version(), "/" + appId + "/subscriptions", null, true, request,
                () -> apps.subscriptions(request, appId));
    }

    public GraphAnswer subscribeApp(GraphRequest request, String appId) {
        return calls.answer("POST", request.version(), "/" + appId + "/subscriptions", null, true, request,
                () -> apps.subscribe(request, appId));
    }

    public GraphAnswer unsubscribeApp(GraphRequest request, String appId) {
        return calls.answer("DELETE", request.version(), "/" + appId + "/subscriptions", null, true, request,
                () -> apps.unsubscribe(request, appId));
    }

    // --- Login dialog

    public String showDialog(DialogRequest request) {
        world.stats.count("GET", "/www/dialog/oauth");
        return dialog.show(request);
    }

    public URI decide(DialogDecision decision) {
        world.stats.count("POST", "/www/dialog/oauth/confirm");
        return dialog.decide(decision);
    }

    // --- control (tests only)

    public void reseed(int pageCount, boolean nonNumericPageId) {
        world.reseed(pageCount, nonNumericPageId);
        LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook re-seeded with {0} Page(s)", pageCount);
    }

    /** @return false if there is no such Page */
    /** The Page no longer has this app in {@code subscribed_apps}; false if it had not. */
    public boolean removeAppFromPage(String pageId) {
        if (world.subscriptions.fields(pageId).isEmpty()) {
            return false;
        }
        world.subscriptions.unsubscribe(pageId);
        LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook: the app was removed from Page {0}", pageId);
        return true;
    }

    /**
     * Honours a Page token an earlier sandbox process issued (the upgrade test's: release 0.1.0's
     * run), as if its user had granted {@code scopes} for that Page; false for an unknown Page.
     */
    public boolean restorePageToken(String pageId, String token, java.util.List<String> scopes) {
        if (world.page(pageId).isEmpty()) {
            return false;
        }
        world.tokens.restorePageToken(token, new Grant(Secrets.random(12), world.settings().appId(), scopes, java.util.List.of(),
                java.util.List.of(pageId)), pageId);
        return true;
    }

    public boolean expirePageTokens(String pageId) {
        if (world.page(pageId).isEmpty()) {
            return false;
        }
        int expired = world.tokens.expirePage(pageId);
        LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook expired {0} token(s) of Page {1}", expired, pageId);
        return true;
    }

    public void planRateLimit(Integer code, int count) {
        world.faults.arm(code, count);
    }

    public void forceUsage(Integer percent) {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("percent must be between 0 and 100");
        }
        world.usage.force(percent);
    }

    public void reset() {
        world.reset();
    }

    /**
     * The Page's admin changes a field (the sandbox's Page settings page, or a test).
     *
     * @return false if there is no such Page
     */
    public boolean updatePage(String pageId, String field, String value) {
        boolean found = world.updatePage(pageId, field, value);
        if (found) {
            LOGGER.log(System.Logger.Level.INFO, "Sandbox Facebook: Page {0} {1} changed", pageId, field);
        }
        return found;
    }

    public void requireAppSecretProof(boolean on) {
        world.requireAppSecretProof(on);
    }

    /** v27's rules for new apps: field aliases and multi-id requests refused ({@link GraphCalls}). */
    public void v27(boolean on) {
        world.v27(on);
    }

    /** {@code GET /{version}/?ids=…}: a multi-id read, not simulated beyond its refusal under v27's rules. */
    public GraphAnswer root(GraphRequest request) {
        return calls.answer("GET", request.version(), "/", null, true, request, () -> {
            throw GraphError.invalidParameter("The sandbox does not simulate requests to the Graph root (multi-id reads)").exception();
        });
    }

    /** The user removes the app: every token of theirs stops working. */
    public int revokeUser() {
        return world.tokens.revokeUser();
    }

    String userId() {
        return FacebookWorld.USER_ID;
    }

    public JsonObject stats() {
        JsonObjectBuilder byPath = SandboxJson.JSON.createObjectBuilder();
        world.stats.byPath().forEach(byPath::add);
        JsonObjectBuilder subscriptions = SandboxJson.JSON.createObjectBuilder();
        world.subscriptions.all().forEach((pageId, fields) -> {
            JsonArrayBuilder list = SandboxJson.JSON.createArrayBuilder();
            fields.forEach(list::add);
            subscriptions.add(pageId, list);
        });
        JsonArrayBuilder tokens = SandboxJson.JSON.createArrayBuilder();
        world.tokens.all().forEach(tokens::add);
        JsonObjectBuilder apps = SandboxJson.JSON.createObjectBuilder();
        world.appSubscriptions.all().forEach((object, s) -> {
            JsonArrayBuilder fields = SandboxJson.JSON.createArrayBuilder();
            s.fields().forEach(fields::add);
            apps.add(object, SandboxJson.JSON.createObjectBuilder().add("callback_url", s.callbackUrl()).add("fields", fields)
                    .add("active", s.active()));
        });
        return SandboxJson.JSON.createObjectBuilder()
                .add("requests", world.stats.requests())
                .add("byPath", byPath)
                .add("subscriptions", subscriptions)
                .add("appSubscriptions", apps)
                .add("withAppsecretProof", world.stats.withProof())
                .add("withoutAppsecretProof", world.stats.withoutProof())
                .add("requireAppSecretProof", world.requireAppSecretProof())
                .add("v27", world.v27())
                .add("legacyRefused", world.stats.legacyRefused())
                .add("issuedTokens", tokens)
                .build();
    }
}
