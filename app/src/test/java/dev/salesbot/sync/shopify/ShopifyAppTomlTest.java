package dev.salesbot.sync.shopify;

import dev.salesbot.sync.SalesbotApplication;
import dev.salesbot.sync.shopify.boundary.AppUrlResource;
import dev.salesbot.sync.shopify.boundary.ShopifyConnectResource;
import dev.salesbot.sync.shopify.boundary.ShopifyWebhookResource;
import dev.salesbot.sync.shopify.graphql.ShopifyApp;
import dev.salesbot.sync.shopify.webhooks.WebhookTopic;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code shopify.app.toml} (Shopify's app configuration, format at
 * https://shopify.dev/docs/apps/build/cli-for-apps/app-configuration) says what the code does:
 * the default scopes, the Admin API version, the paths the code serves, and topics the product
 * handles, each subscribed one way only — the privacy topics by the configuration, every other topic
 * per store by {@code WebhookRegistrations}. Paths are read from the resources' own annotations.
 */
class ShopifyAppTomlTest {

    static final java.nio.file.Path FILE = java.nio.file.Path.of("..", "shopify.app.toml");

    /** The privacy topics Shopify sends only to the app configuration's {@code compliance_topics}. */
    static final Set<WebhookTopic> PRIVACY_TOPICS = EnumSet.of(WebhookTopic.CUSTOMERS_DATA_REQUEST, WebhookTopic.CUSTOMERS_REDACT,
            WebhookTopic.SHOP_REDACT);

    static TomlParseResult toml;

    @BeforeAll
    static void parse() throws IOException {
        toml = Toml.parse(FILE);
    }

    @Test
    void isValidToml() {
        assertThat(toml.errors()).isEmpty();
        assertThat(toml.getString("client_id")).isNotBlank();
        assertThat(toml.getString("name")).isNotBlank();
    }

    @Test
    void declaresTheDefaultScopes() {
        assertThat(commaSeparated(toml.getString("access_scopes.scopes"))).isEqualTo(commaSeparated(ShopifyApp.DEFAULT_SCOPES));
    }

    /** The server asks for its scopes itself at {@code /admin/oauth/authorize} (authorization code grant). */
    @Test
    void installsThroughTheServersOwnAuthorizationCodeGrant() {
        assertThat(toml.getBoolean("access_scopes.use_legacy_install_flow")).isTrue();
    }

    @Test
    void subscribesWebhooksInTheCodesApiVersion() {
        assertThat(toml.getString("webhooks.api_version")).isEqualTo(ShopifyApp.DEFAULT_API_VERSION);
    }

    @Test
    void sendsThePrivacyTopicsToTheWebhookEndpoint() {
        List<TomlTable> withPrivacyTopics = subscriptions().stream().filter(s -> s.isArray("compliance_topics")).toList();
        assertThat(withPrivacyTopics).hasSize(1);
        TomlTable privacy = withPrivacyTopics.get(0);
        assertThat(topics(privacy, "compliance_topics")).isEqualTo(PRIVACY_TOPICS);
        assertThat(URI.create(privacy.getString("uri")).getPath()).isEqualTo(served(ShopifyWebhookResource.class));
    }

    /** What Shopify cannot subscribe through {@code webhookSubscriptionCreate} is what this file subscribes. */
    @Test
    void declaresExactlyTheTopicsTheServerCannotSubscribePerStore() {
        assertThat(EnumSet.complementOf(EnumSet.copyOf(WebhookTopic.subscribed()))).isEqualTo(PRIVACY_TOPICS);
    }

    /**
     * No topic is app-wide and per store at once (it would arrive twice), and none at all with the
     * legacy install flow: Shopify CLI refuses app-wide {@code topics} with it, and every topic but
     * the privacy ones is subscribed per store, where the server checks and repairs them.
     */
    @Test
    void leavesEveryOtherTopicToThePerStoreSubscriptions() {
        Set<WebhookTopic> appWide = EnumSet.noneOf(WebhookTopic.class);
        subscriptions().stream().filter(s -> s.isArray("topics")).forEach(s -> appWide.addAll(topics(s, "topics")));
        assertThat(appWide).doesNotContainAnyElementsOf(WebhookTopic.subscribed());
        if (Boolean.TRUE.equals(toml.getBoolean("access_scopes.use_legacy_install_flow"))) {
            assertThat(appWide).isEmpty();
        }
        Set<WebhookTopic> reached = EnumSet.copyOf(WebhookTopic.subscribed());
        reached.addAll(PRIVACY_TOPICS);
        assertThat(reached).isEqualTo(EnumSet.allOf(WebhookTopic.class));
    }

    @Test
    void redirectsToTheCallbackTheCodeServes() throws NoSuchMethodException {
        TomlArray redirects = toml.getArray("auth.redirect_urls");
        assertThat(redirects).isNotNull();
        assertThat(strings(redirects)).map(u -> URI.create(u).getPath())
                .containsExactly(served(ShopifyConnectResource.class, ShopifyConnectResource.class.getMethod("callback")));
    }

    @Test
    void opensTheStartPageAsTheAppUrl() {
        assertThat(URI.create(toml.getString("application_url")).getPath()).isEqualTo(served(AppUrlResource.class));
        assertThat(toml.getBoolean("embedded")).isFalse();
    }

    /** One host for every address: the operator replaces it once. */
    @Test
    void namesOneHttpsHost() {
        List<String> addresses = new ArrayList<>(strings(toml.getArray("auth.redirect_urls")));
        addresses.add(toml.getString("application_url"));
        subscriptions().forEach(s -> addresses.add(s.getString("uri")));
        assertThat(addresses).map(URI::create).allSatisfy(u -> assertThat(u.getScheme()).isEqualTo("https"))
                .extracting(URI::getAuthority).containsOnly(URI.create(toml.getString("application_url")).getAuthority());
    }

    private static List<TomlTable> subscriptions() {
        TomlArray array = toml.getArray("webhooks.subscriptions");
        assertThat(array).isNotNull();
        List<TomlTable> tables = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            tables.add(array.getTable(i));
        }
        return tables;
    }

    /** A subscription's topics, each one {@link WebhookTopic} knows by its wire name. */
    private static Set<WebhookTopic> topics(TomlTable subscription, String key) {
        List<String> names = strings(subscription.getArray(key));
        assertThat(names).allSatisfy(n -> assertThat(WebhookTopic.fromHeader(n)).as("WebhookTopic for %s", n).isPresent());
        return names.stream().map(n -> WebhookTopic.fromHeader(n).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookTopic.class)));
    }

    private static List<String> strings(TomlArray array) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(array.getString(i));
        }
        return values;
    }

    private static Set<String> commaSeparated(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    /** The absolute path a resource (and method) answers at, from the JAX-RS annotations. */
    private static String served(AnnotatedElement... resource) {
        Stream<String> segments = Stream.concat(Stream.of(SalesbotApplication.class.getAnnotation(ApplicationPath.class).value()),
                Arrays.stream(resource).map(r -> r.getAnnotation(Path.class).value()));
        String joined = segments.flatMap(s -> Arrays.stream(s.split("/"))).filter(s -> !s.isEmpty()).collect(Collectors.joining("/"));
        return "/" + joined;
    }
}
