/**
 * Simulated Shopify Admin GraphQL API (2026-10), as strict as the real one, because the product's
 * catalog sync is tested against it and this machine cannot reach Shopify.
 *
 * <h2>Purpose</h2>
 * {@code POST /sandbox/shopify/{shop}/admin/api/2026-10/graphql.json} answers the product's Admin
 * queries from a seeded store: products with variants, options and featured media, collections,
 * code discounts (with thousands of redeem codes where it matters), the shop, {@code nodes(ids:)}
 * (products, collections, discounts, inventory items), webhook subscriptions
 * ({@code webhookSubscriptions}, {@code webhookSubscriptionCreate}/{@code Delete}, {@code productUpdate}).
 * {@code /sandbox/shopify/_control/...} lets tests resize a store, change its rate limits, read what
 * it received and inject HTTP faults.
 *
 * <p>A store also sends webhooks ({@link dev.salesbot.sandbox.shopify.admin.WebhookDeliveries}): a
 * change to its catalog — {@code productUpdate}, the merchant controls under
 * {@code /sandbox/shopify/_control/merchant/{shop}} ({@link dev.salesbot.sandbox.shopify.admin.StoreActionsResource}:
 * edit, delete, stock, bulk re-price, uninstall, privacy requests) or the small admin page
 * {@code /sandbox/shopify/{shop}/admin/products} ({@link dev.salesbot.sandbox.shopify.admin.StoreAdminPage})
 * — is delivered, signed, with Shopify's headers and REST-shaped body
 * ({@link dev.salesbot.sandbox.shopify.admin.WebhookPayloads}) to every subscription of its topic,
 * retried on failure as Shopify retries, and logged ({@code DeliveryLog}) for tests. {@link
 * dev.salesbot.sandbox.shopify.admin.AdminSchema} is public so the product's own query tests can
 * validate their documents against the real schema without a container.
 *
 * <p>Every answer names its version in {@code X-Shopify-API-Version}: 2026-10, or the version the
 * app switch makes it "fall forward" to, as Shopify does after retiring the version asked for
 * ({@link dev.salesbot.sandbox.shopify.admin.ServedVersion}; only the header changes).
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>Every query is parsed and validated against Shopify's published introspection result
 *     ({@code /shopify/admin-2026-10.introspection.json.gz}); an invalid field fails here exactly
 *     as in production, with graphql-ruby's messages and {@code extensions.code}.</li>
 * <li>Refusals that Shopify sends as HTTP 200 ({@code THROTTLED}, {@code MAX_COST_EXCEEDED},
 *     validation errors, paging errors) are HTTP 200 here too; only auth (401), unknown version
 *     (404), unreadable bodies (400) and injected faults use other statuses.</li>
 * <li>A token is never logged; it is only checked through {@code SandboxShopifyTokens}.</li>
 * <li>Seeded stores are deterministic (shop name + size), so a failing test can be replayed.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>Cost model: Shopify's documented rules
 *     (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"):
 *     scalar/enum 0, object 1, interface/union the dearest possible selection, connection
 *     2 + first/last × node, mutation 10; single-query limit 1,000; leaky bucket charged the
 *     requested cost up front and refunded the difference to the actual cost. Gaps the docs leave
 *     are settled in {@code QueryCosts}. Live Shopify has since discounted some connections below
 *     this formula; the sandbox stays on the documented (stricter) side.</li>
 * <li>Response shapes of {@code THROTTLED} (errors + {@code extensions.cost} with
 *     {@code actualQueryCost: null}) and {@code MAX_COST_EXCEEDED} (no top-level
 *     {@code extensions}) follow responses measured on Shopify; validation and parse errors carry
 *     no cost either, as they never reach cost analysis.</li>
 * <li>The schema is wired generically (pass-through scalars, {@code __typename}-resolved abstract
 *     types, map-reading data fetchers) instead of per-type code, so 3,500 types cost nothing to
 *     keep and aliases, fragments and variables work by construction.</li>
 * <li>One flat package: boundary (two resources), control (pipeline, costs, bucket) and the
 *     simulated data are small and only meaningful together; sub-packages would only add
 *     visibility noise.</li>
 * <li>Webhook addresses: HTTPS, Pub/Sub and EventBridge as on Shopify, plus HTTP to loopback so
 *     local tests can receive deliveries. Creating a subscription needs the access scope the topic's
 *     description in the schema names, refused with Shopify's user error otherwise.</li>
 * <li>Webhook delivery (https://shopify.dev/docs/apps/build/webhooks/subscribe/https): 1 s to
 *     connect, 5 s to answer, anything but 2xx fails; 8 retries with exponential backoff
 *     (shortened by {@code SANDBOX_SHOPIFY_WEBHOOK_RETRY_MILLIS}), then the subscription is
 *     deleted; a knob sends every webhook twice with one id, as Shopify can. The compliance topics,
 *     which the Admin API cannot subscribe, go to the app configuration's address
 *     ({@code SANDBOX_SHOPIFY_COMPLIANCE_ADDRESS}).</li>
 * <li>Bulk query operations ({@link dev.salesbot.sandbox.shopify.admin.BulkOperations}): Shopify's
 *     restrictions ({@link dev.salesbot.sandbox.shopify.admin.BulkQueryRules}) as {@code userErrors},
 *     five at once per shop, statuses {@code CREATED → RUNNING → COMPLETED | FAILED | CANCELED},
 *     then {@code EXPIRED}; the query executed in windows of 200 roots under the token's scopes
 *     ({@link dev.salesbot.sandbox.shopify.admin.BulkWindow}), JSONL written as Shopify writes it
 *     ({@link dev.salesbot.sandbox.shopify.admin.BulkLines}) at a set pace, served at an expiring
 *     address of its own ({@link dev.salesbot.sandbox.shopify.admin.BulkResults}), and
 *     {@code bulk_operations/finish} delivered like any webhook; knobs to fail, cancel, give partial
 *     data, expire or drop the webhook.</li>
 * </ul>
 *
 * <h2>Out of scope</h2>
 * OAuth (package {@code dev.salesbot.sandbox.shopify}); bulk mutations; orders,
 * customers, inventory levels beyond one location's quantity, metafields and every other resource not listed above (their fields
 * validate but answer null); sort keys other than ID; Shopify search syntax beyond
 * {@code updated_at}/{@code created_at}/{@code status}/{@code vendor}/{@code product_type}/{@code tag};
 * API versions other than 2026-10.
 */
package dev.salesbot.sandbox.shopify.admin;
