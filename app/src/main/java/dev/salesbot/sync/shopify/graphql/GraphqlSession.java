package dev.salesbot.sync.shopify.graphql;

import dev.salesbot.sync.shopify.catalog.CatalogFetch;

/**
 * One shop's Admin API for the length of one task: its transport, the shop's shared pacer and the
 * fetches and registrations that go through them. Close it when the task ends.
 */
public final class GraphqlSession implements AutoCloseable {

    private final GraphqlTransport transport;
    private final PacedGraphql graphql;
    private final CatalogFetch catalog;

    GraphqlSession(String shop, GraphqlTransport transport, PacedGraphql graphql) {
        this.transport = transport;
        this.graphql = graphql;
        this.catalog = new CatalogFetch(shop, graphql);
    }

    public CatalogFetch catalog() {
        return catalog;
    }

    public PacedGraphql graphql() {
        return graphql;
    }

    @Override
    public void close() {
        transport.close();
    }
}
