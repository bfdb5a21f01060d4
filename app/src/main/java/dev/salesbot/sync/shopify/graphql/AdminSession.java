package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.catalog.CatalogFetch;

/**
 * One shop's Admin API for the length of one task: its transport, the shop's shared pacer and the
 * fetches and registrations that go through them. Close it when the task ends.
 */
public final class AdminSession implements AutoCloseable {

    private final AdminTransport transport;
    private final PacedAdmin admin;
    private final CatalogFetch catalog;

    AdminSession(String shop, AdminTransport transport, PacedAdmin admin) {
        this.transport = transport;
        this.admin = admin;
        this.catalog = new CatalogFetch(shop, admin);
    }

    public CatalogFetch catalog() {
        return catalog;
    }

    public PacedAdmin admin() {
        return admin;
    }

    @Override
    public void close() {
        transport.close();
    }
}
