package dev.salesbot.sandbox.shopify.admin;

/**
 * Which roots of a bulk query one execution serves: the {@code roots} after the node with id
 * {@code afterId} (null: from the first). Carried in the execution's GraphQL context under
 * {@link #KEY}; {@link Connections#page} honours it on the root connection and pages nothing else.
 */
record BulkWindow(Long afterId, int roots) {

    static final String KEY = "sandbox.bulk.window";
}
