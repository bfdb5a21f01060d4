package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.config.Settings;
import dev.salesbot.sync.config.StartupState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This app's registration with Meta and the Graph API it talks to, from configuration. The app
 * id, secret and redirect URI have no default and fail on first use with {@link RequiredSetting}
 * naming the variable; the rest default to production Facebook.
 *
 * <p>{@code FACEBOOK_GRAPH_API_VERSION} and {@code FACEBOOK_PAGE_FIELDS} are checked at start: a
 * malformed version, or a Page field with an alias ({@code name.as(title)}), keeps the server out
 * of service (readiness DOWN naming the setting). Since 2026-11-04 Meta refuses field aliases and
 * multi-id ({@code ?ids=}) requests from new apps on every Graph version
 * (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/;
 * aliases: https://developers.facebook.com/docs/graph-api/aliasing-fields), so the product sends
 * neither: it reads each Page by its own id.
 */
@ApplicationScoped
public class FacebookApp {

    public static final String DEFAULT_SCOPES = "pages_show_list,pages_manage_metadata,pages_read_engagement,pages_messaging";
    public static final String DEFAULT_PAGE_FIELDS = "id,name,category,about,description,website,phone,emails,hours,location,link,picture,fan_count";
    /** Page changes the snapshot reflects, plus the Messenger events the bot answers (this app acknowledges them and leaves them to the bot). */
    public static final String DEFAULT_WEBHOOK_FIELDS = "messages,messaging_postbacks,name,category,description,website,phone,hours,location,picture";

    /** The Graph API version asked for unless configured. */
    public static final String DEFAULT_API_VERSION = "v24.0";

    /** Graph's version names ({@code v24.0}). Anchored: the value goes into a URL path. */
    public static final Pattern API_VERSION = Pattern.compile("^v[1-9][0-9]{0,2}\\.[0-9]{1,2}$");

    // Graph's alias syntax (field.as(alias)), refused for new apps since 2026-11-04.
    private static final Pattern ALIAS = Pattern.compile("\\.as\\(");

    private static final System.Logger LOGGER = System.getLogger(FacebookApp.class.getName());

    @Inject
    @ConfigProperty(name = "FACEBOOK_APP_ID")
    Optional<String> appId;

    @Inject
    @ConfigProperty(name = "FACEBOOK_APP_SECRET")
    Optional<String> appSecret;

    @Inject
    @ConfigProperty(name = "FACEBOOK_REDIRECT_URI")
    Optional<String> redirectUri;

    @Inject
    @ConfigProperty(name = "FACEBOOK_GRAPH_BASE_URL", defaultValue = "https://graph.facebook.com")
    String graphBaseUrl;

    @Inject
    @ConfigProperty(name = "FACEBOOK_DIALOG_BASE_URL", defaultValue = "https://www.facebook.com")
    String dialogBaseUrl;

    @Inject
    @ConfigProperty(name = "FACEBOOK_GRAPH_API_VERSION", defaultValue = DEFAULT_API_VERSION)
    String apiVersion;

    @Inject
    @ConfigProperty(name = "FACEBOOK_SCOPES", defaultValue = DEFAULT_SCOPES)
    String scopes;

    @Inject
    @ConfigProperty(name = "FACEBOOK_PAGE_FIELDS", defaultValue = DEFAULT_PAGE_FIELDS)
    String pageFields;

    @Inject
    @ConfigProperty(name = "FACEBOOK_WEBHOOK_FIELDS", defaultValue = DEFAULT_WEBHOOK_FIELDS)
    String webhookFields;

    @Inject
    @ConfigProperty(name = "FACEBOOK_WEBHOOK_ADDRESS")
    Optional<String> webhookAddress;

    @Inject
    @ConfigProperty(name = "FACEBOOK_VERIFY_TOKEN")
    Optional<String> verifyToken;

    public String appId() {
        return Settings.required(appId, "FACEBOOK_APP_ID", "the app id from the Meta app dashboard");
    }

    public String appSecret() {
        return Settings.required(appSecret, "FACEBOOK_APP_SECRET", "the app secret from the Meta app dashboard");
    }

    public String redirectUri() {
        return Settings.required(redirectUri, "FACEBOOK_REDIRECT_URI",
                "this server's /facebook/callback URL, as allowed in the app's Facebook Login settings");
    }

    /**
     * This server's public base URL, from {@code FACEBOOK_REDIRECT_URI} (which ends in
     * {@code /facebook/callback}): where the data-deletion status pages are.
     */
    public URI publicBase() {
        String redirect = redirectUri();
        String base = redirect.endsWith("/facebook/callback") ? redirect.substring(0, redirect.length() - "/facebook/callback".length())
                : URI.create(redirect).resolve("/").toString();
        return URI.create(trimSlash(base));
    }

    public URI graphBase() {
        return URI.create(trimSlash(graphBaseUrl));
    }

    public URI dialogBase() {
        return URI.create(trimSlash(dialogBaseUrl));
    }

    public String apiVersion() {
        if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
            throw new RequiredSetting("FACEBOOK_GRAPH_API_VERSION", "a Graph API version such as " + DEFAULT_API_VERSION);
        }
        return apiVersion;
    }

    /** {@code FACEBOOK_GRAPH_API_VERSION} as configured, unchecked: for the dashboard, which shows even a malformed one. */
    public String configuredApiVersion() {
        return apiVersion;
    }

    /** At start: a malformed version or an aliased Page field keeps the server out of service, naming the setting. */
    void checkSettings(@Observes @Initialized(ApplicationScoped.class) Object started, StartupState startup) {
        check("facebook-graph-api-version", this::apiVersion, startup);
        check("facebook-page-fields", this::pageFields, startup);
    }

    private static void check(String name, Runnable setting, StartupState startup) {
        try {
            setting.run();
        } catch (RequiredSetting e) {
            LOGGER.log(System.Logger.Level.ERROR, e.getMessage() + " The server stays out of service until it is corrected.");
            startup.refuse(name, e.getMessage());
        }
    }

    /** The permissions asked for; all of them are required (a partial grant is refused). */
    public List<String> scopes() {
        return list(scopes);
    }

    /** The Page fields read into the snapshot; {@code id} is always among them, and none is aliased. */
    public List<String> pageFields() {
        List<String> fields = list(pageFields);
        if (fields.stream().anyMatch(f -> ALIAS.matcher(f).find())) {
            throw new RequiredSetting("FACEBOOK_PAGE_FIELDS", "Page field names without aliases (.as(...)): Meta refuses "
                    + "field aliases from new apps since 2026-11-04");
        }
        return fields.contains("id") ? fields : Stream.concat(Stream.of("id"), fields.stream()).toList();
    }

    public List<String> webhookFields() {
        return list(webhookFields);
    }

    /**
     * The webhook fields that describe the Page itself (name, phone, hours…): a change to one of them
     * resyncs the Page. The Messenger fields ({@code messages}, {@code messaging_*}, {@code message_*},
     * {@code standby}) are the bot's business, not the snapshot's.
     */
    public List<String> pageChangeFields() {
        return webhookFields().stream().filter(f -> !f.startsWith("messag") && !f.startsWith("message_") && !f.equals("standby")).toList();
    }

    /** This server's {@code /facebook/webhook} URL, where the app subscription points; empty if not configured. */
    public Optional<String> webhookAddress() {
        return Settings.present(webhookAddress);
    }

    /** The string Meta sends back in verification requests ({@code hub.verify_token}). */
    public Optional<String> verifyToken() {
        return Settings.present(verifyToken);
    }

    /**
     * Graph's {@code appsecret_proof} for a call made with {@code token}: hex HMAC-SHA256 of the
     * token keyed with the app secret (https://developers.facebook.com/docs/graph-api/security#appsecret_proof).
     * Not a secret itself; it proves the caller holds the app secret.
     */
    public String proof(AccessToken token) {
        return dev.salesbot.sync.security.control.Hmac.sha256Hex(appSecret(), token.value());
    }

    public static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static String trimSlash(String url) {
        return url.trim().replaceAll("/+$", "");
    }
}
