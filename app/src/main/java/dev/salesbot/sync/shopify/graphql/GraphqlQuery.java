package dev.salesbot.sync.shopify.graphql;

/** A query text with the operation name used in logs and errors (never the variables). */
public record GraphqlQuery(String name, String text) {

    /** What Shopify charges for any mutation. */
    public static final int MUTATION_COST = 10;
}
