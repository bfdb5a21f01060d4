/**
 * Simulated Shopify and Facebook, for tests and for running locally with no account anywhere.
 *
 * <p>A separate Maven module and WAR ({@code sandbox/}, built as {@code sandbox.war}), like
 * cargotracker's pathfinder: the product's WAR holds no class of it and none of its dependencies
 * (graphql-java, the Admin schema), and reaches it only through configured base URLs
 * ({@code SHOPIFY_SHOP_BASE_URL}, {@code FACEBOOK_GRAPH_BASE_URL}, {@code FACEBOOK_DIALOG_BASE_URL}).
 * The run command and the integration tests deploy it beside the product on the same Payara Micro,
 * at {@code /sandbox}; production servers never get it. As a second lock, {@link
 * dev.salesbot.sandbox.SandboxGate} answers 404 to every request of this WAR unless
 * {@code SANDBOX_ENABLED=true}. The simulations are strict where the real platforms are strict
 * (signatures, single-use codes, schema validation, access scopes, rate limits) so that a test
 * passing here means the same request would pass there.
 *
 * <p>The simulated Shopify remembers the tokens it issued across restarts of this server (their
 * SHA-256 digests, under {@code DATA_DIR/sandbox}), because the real one does and the product's
 * resumed work depends on it; codes, faults, counters and stats start afresh, and stores are
 * re-seeded identically.
 *
 * <p>Control endpoints under {@code /sandbox/.../_control} let tests inject faults and observe
 * what the product sent; they exist only in the sandbox.
 */
package dev.salesbot.sandbox;
