package dev.salesbot.sandbox.shopify.admin;

import java.time.Instant;

/** The store itself, as {@code shop { … }} answers. */
record ShopProfile(long id, String myshopifyDomain, String name, String email, String currencyCode,
                   String primaryDomainHost, String ianaTimezone, Instant createdAt) {
}
