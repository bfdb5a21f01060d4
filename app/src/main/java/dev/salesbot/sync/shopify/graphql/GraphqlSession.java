package dev.salesbot.sync.shopify.graphql;

/**
 * One shop's Admin API for the length of one task: its transport and the shop's shared pacer,
 * through which the task's fetches and registrations go. Close it when the task ends.
 */
public final class GraphqlSession implements AutoCloseable {

    private final GraphqlTransport transport;
    private final PacedGraphql graphql;
    GraphqlSession(GraphqlTransport transport, PacedGraphql graphql) {
        this.transport = transport;
        this.graphql = graphql;
    }

    public PacedGraphql graphql() {
        return graphql;
    }

    @Override
    public void close() {
        transport.close();
    }
}
