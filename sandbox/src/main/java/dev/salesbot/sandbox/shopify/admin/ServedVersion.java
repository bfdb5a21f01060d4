package dev.salesbot.sandbox.shopify.admin;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The version the sandbox's Admin API says it answered in ({@code X-Shopify-API-Version}), one
 * switch for the sandbox's one app. Shopify does not refuse a version it no longer supports: it
 * "falls forward" and serves the oldest supported stable version, and the header says which
 * ("If your app targets an unsupported version, Shopify falls forward and responds using the
 * oldest supported stable version", https://shopify.dev/docs/api/usage/versioning; "If the
 * returned version is different, then your app is out of date",
 * https://shopify.dev/tutorials/update-your-app-to-a-new-api-version). By default the sandbox
 * answers in the version asked for ({@value AdminSchema#API_VERSION}, the only one it serves);
 * set to another ({@code SANDBOX_SHOPIFY_ANSWERED_VERSION}, {@code PUT _control/app
 * {"answeredVersion": "2027-01"}}) it answers as if {@value AdminSchema#API_VERSION} had been
 * retired: the header names the other version. Only the header changes: the schema, the data and
 * the cost model stay those of {@value AdminSchema#API_VERSION}.
 */
final class ServedVersion {

    private static final Pattern VERSION = Pattern.compile("^[0-9]{4}-(?:01|04|07|10)$");

    private volatile String fallForward;

    /** @param fallForward the version to answer in instead of the one asked for; null or blank for none */
    ServedVersion(String fallForward) {
        fallForwardTo(fallForward);
    }

    /** What the header says to a request for {@code requested}. */
    String answering(String requested) {
        String other = fallForward;
        return other == null ? requested : other;
    }

    /** From now on answers say {@code version} (a quarterly {@code YYYY-MM}); null or blank: the version asked for. */
    void fallForwardTo(String version) {
        if (version == null || version.isBlank()) {
            this.fallForward = null;
            return;
        }
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("answeredVersion must be a quarterly Shopify version such as 2027-01, not " + version);
        }
        this.fallForward = version;
    }

    Optional<String> fallForward() {
        return Optional.ofNullable(fallForward);
    }
}
