package dev.salesbot.sync.facebook.graph;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This app's registration with Meta and the Graph API it talks to, from configuration. The app
 * id, secret and redirect URI have no default and fail on first use with {@link RequiredSetting}
 * naming the variable; the rest default to production Facebook.
 */
@ApplicationScoped
public class FacebookApp {

    public static final String DEFAULT_SCOPES = "pages_show_list,pages_manage_metadata,pages_read_engagement,pages_messaging";
    public static final String DEFAULT_PAGE_FIELDS = "id,name,category,about,description,website,phone,emails,hours,location,link,picture,fan_count";
    /** Page changes the snapshot reflects, plus the Messenger events the bot answers (this app acknowledges them and leaves them to the bot). */
    public static final String DEFAULT_WEBHOOK_FIELDS = "messages,messaging_postbacks,name,category,description,website,phone,hours,location,picture";

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
    @ConfigProperty(name = "FACEBOOK_GRAPH_API_VERSION", defaultValue = "v24.0")
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
        if (!apiVersion.matches("v\\d+\\.\\d+")) {
            throw new RequiredSetting("FACEBOOK_GRAPH_API_VERSION", "a Graph API version such as v24.0");
        }
        return apiVersion;
    }

    /** The permissions asked for; all of them are required (a partial grant is refused). */
    public List<String> scopes() {
        return list(scopes);
    }

    /** The Page fields read into the snapshot; {@code id} is always among them. */
    public List<String> pageFields() {
        List<String> fields = list(pageFields);
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
