package dev.salesbot.sync.shopify.connect;

import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.security.control.ShopifyQuerySignature;
import dev.salesbot.sync.security.control.ShopifyQuerySignatureTest;
import dev.salesbot.sync.shopify.connect.ShopifySignedRequests.Kind;
import dev.salesbot.sync.shopify.graphql.ShopifyApps;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one check of Shopify's signed queries, for the callback and the App URL's launch alike. */
class ShopifySignedRequestsTest {

    /** Shopify's published OAuth example (secret "hush"), signed at 1337178173. */
    static final String HUSH = ShopifyQuerySignatureTest.SECRET;
    static final Map<String, String> SHOPIFY_EXAMPLE = ShopifyQuerySignatureTest.SHOPIFY_EXAMPLE;
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1337178173L);

    static final String SECRET = "launch-test-secret-5e1f";
    /** What the Shopify admin adds when it opens the app: the admin's address as {@code host}. */
    static final String HOST = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvcGluZS1jcmVzdA";

    @Test
    void acceptsShopifysPublishedCallbackExampleAtItsTime() {
        assertThat(requests(HUSH, SIGNED_AT).verify(SHOPIFY_EXAMPLE, Kind.CALLBACK).value()).isEqualTo("some-shop.myshopify.com");
    }

    @Test
    void aLaunchCarriesNoCodeOrStateAndIsSignedOverHostToo() {
        Map<String, String> launch = launch("pine-crest.myshopify.com", SIGNED_AT);

        assertThat(requests(SECRET, SIGNED_AT).verify(launch, Kind.LAUNCH).value()).isEqualTo("pine-crest.myshopify.com");
        assertThat(refusal(requests(SECRET, SIGNED_AT), launch, Kind.CALLBACK).detail())
                .as("the callback needs what a launch lacks").contains("missing", "code", "state");

        Map<String, String> otherHost = new HashMap<>(launch);
        otherHost.put("host", "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvb3RoZXI");
        assertThat(refusal(requests(SECRET, SIGNED_AT), otherHost, Kind.LAUNCH).slug()).isEqualTo("invalid-signature");
    }

    @Test
    void refusesAMissingForgedOrOtherAppsHmac() {
        Map<String, String> noHmac = new HashMap<>(launch("pine-crest.myshopify.com", SIGNED_AT));
        noHmac.remove("hmac");
        assertThat(refusal(requests(SECRET, SIGNED_AT), noHmac, Kind.LAUNCH).slug()).isEqualTo("missing-parameter");

        Map<String, String> forged = new HashMap<>(noHmac);
        forged.put("hmac", "0".repeat(64));
        assertThat(refusal(requests(SECRET, SIGNED_AT), forged, Kind.LAUNCH).slug()).isEqualTo("invalid-signature");

        assertThat(refusal(requests("another-apps-secret", SIGNED_AT), launch("pine-crest.myshopify.com", SIGNED_AT), Kind.LAUNCH)
                .detail()).contains("launch's hmac does not match");
    }

    @Test
    void acceptsFiveMinutesEitherWayAndNotASecondMore() {
        Map<String, String> launch = launch("pine-crest.myshopify.com", SIGNED_AT);
        assertThat(requests(SECRET, SIGNED_AT.plusSeconds(300)).verify(launch, Kind.LAUNCH)).isNotNull();
        assertThat(requests(SECRET, SIGNED_AT.minusSeconds(300)).verify(launch, Kind.LAUNCH)).isNotNull();

        Refusal late = refusal(requests(SECRET, SIGNED_AT.plusSeconds(301)), launch, Kind.LAUNCH);
        assertThat(late.slug()).isEqualTo("stale-request");
        assertThat(late.detail()).contains("301 s away");
        assertThat(refusal(requests(SECRET, SIGNED_AT.minusSeconds(301)), launch, Kind.LAUNCH).slug()).isEqualTo("stale-request");
    }

    @Test
    void aTimestampNoClockCouldHoldIsRefusedNotACrash() {
        for (String timestamp : new String[]{Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE)}) {
            Map<String, String> far = signed(SECRET, Map.of("host", HOST, "shop", "pine-crest.myshopify.com", "timestamp", timestamp));
            assertThat(refusal(requests(SECRET, SIGNED_AT), far, Kind.LAUNCH).slug()).as(timestamp).isEqualTo("stale-request");
        }
        Map<String, String> words = signed(SECRET, Map.of("host", HOST, "shop", "pine-crest.myshopify.com", "timestamp", "yesterday"));
        assertThat(refusal(requests(SECRET, SIGNED_AT), words, Kind.LAUNCH).slug()).isEqualTo("invalid-timestamp");
    }

    @Test
    void refusesAShopOutsideTheAnchoredPatternEvenWhenSigned() {
        for (String shop : new String[]{"evil.com", "pine-crest.myshopify.com.evil.test", "-pine.myshopify.com", "pine/../crest"}) {
            Map<String, String> signedForIt = launch(shop, SIGNED_AT);
            assertThat(refusal(requests(SECRET, SIGNED_AT), signedForIt, Kind.LAUNCH).slug()).as(shop).isEqualTo("invalid-shop");
        }
    }

    @Test
    void verifiesTheParametersAsReceivedAndOnlyThenReadsTheShop() {
        Map<String, String> upper = launch("Pine-Crest.myshopify.com", SIGNED_AT);
        assertThat(requests(SECRET, SIGNED_AT).verify(upper, Kind.LAUNCH).value()).isEqualTo("pine-crest.myshopify.com");

        Map<String, String> normalisedAfterSigning = new HashMap<>(upper);
        normalisedAfterSigning.put("shop", "pine-crest.myshopify.com");
        assertThat(refusal(requests(SECRET, SIGNED_AT), normalisedAfterSigning, Kind.LAUNCH).slug()).isEqualTo("invalid-signature");
    }

    static ShopifySignedRequests requests(String secret, Instant now) {
        ShopifySignedRequests requests = new ShopifySignedRequests();
        requests.app = ShopifyApps.withSecrets(secret, null);
        requests.clock = Clock.fixed(now, ZoneOffset.UTC);
        return requests;
    }

    /** The App URL's query as the Shopify admin sends it for {@code shop}, signed at {@code at} with {@link #SECRET}. */
    static Map<String, String> launch(String shop, Instant at) {
        return signed(SECRET, Map.of("host", HOST, "shop", shop, "timestamp", Long.toString(at.getEpochSecond())));
    }

    static Map<String, String> signed(String secret, Map<String, String> params) {
        Map<String, String> query = new HashMap<>(params);
        query.put("hmac", ShopifyQuerySignature.sign(secret, params));
        return query;
    }

    private static Refusal refusal(ShopifySignedRequests requests, Map<String, String> query, Kind kind) {
        Refusal refusal = catchThrowableOfType(Refusal.class, () -> requests.verify(query, kind));
        assertThat(refusal).as("refused: " + query).isNotNull();
        return refusal;
    }
}
