package dev.salesbot.sync.shopify.entity;

import java.net.URI;
import java.util.Objects;

/**
 * What it takes to call one shop's Admin API: the validated shop domain, the base URL its API
 * lives under and the access token. {@link #toString()} never shows the token, so a record
 * printed into a log or an exception message cannot leak it.
 */
public record ShopAccess(String shop, URI baseUri, String accessToken) {

    public ShopAccess {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(baseUri, "baseUri");
        new ShopDomain(shop); // the one anchored check, before the domain can reach a URL
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("an Admin API access token is required for " + shop);
        }
    }

    @Override
    public String toString() {
        return "ShopAccess[shop=" + shop + ", baseUri=" + baseUri + ", accessToken=<redacted>]";
    }
}
