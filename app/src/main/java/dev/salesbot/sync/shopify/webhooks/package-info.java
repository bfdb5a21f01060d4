/**
 * Shopify's webhooks (flow 4): a change in the store reaches the snapshot within seconds, without a
 * full fetch per event.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>Registration ({@link dev.salesbot.sync.shopify.webhooks.WebhookRegistrations}) runs at every
 *   full sync: it reads {@code webhookSubscriptions}, creates each missing topic of
 *   {@link dev.salesbot.sync.shopify.webhooks.WebhookTopic#subscribed()} with
 *   {@code webhookSubscriptionCreate(topic, webhookSubscription: {uri: SHOPIFY_WEBHOOK_ADDRESS, format: JSON})}
 *   and deletes this app's subscriptions that are no longer wanted; a complete set creates nothing.
 *   Its outcome (topics, or the problem) is kept on the connection for {@code webhook_test}.</li>
 *   <li>Receipt ({@link dev.salesbot.sync.shopify.webhooks.ShopifyWebhookReceipts}): the HMAC of the
 *   raw bytes is checked first, in constant time, under {@code SHOPIFY_API_SECRET} or
 *   {@code SHOPIFY_API_SECRET_PREVIOUS} (401 otherwise); then the shop header (anchored pattern,
 *   400), the webhook id, {@code X-Shopify-Triggered-At} when sent, the JSON (400 and a WARN line,
 *   nothing recorded), and for the lifecycle and privacy topics the shop their body names
 *   ({@link dev.salesbot.sync.shopify.webhooks.WebhookTopic#shopField()}), which must be the
 *   header's (400 {@code shop-mismatch}: what they change is the whole store). No Admin API call and no
 *   storage I/O happen on the request thread.</li>
 *   <li>Recording ({@link dev.salesbot.sync.shopify.webhooks.WebhookRecorder}), a batch of
 *   deliveries a transaction ({@link dev.salesbot.sync.shopify.webhooks.ShopifyIntake}, group
 *   commit): each delivery's id (a repeat, in an earlier batch or the same one, answers 200
 *   {@code duplicate} and does nothing), then the topic, routed by an exhaustive switch. The
 *   catalog changes of a store in a batch become one pending {@code SHOPIFY_CHANGES} request due
 *   after {@code WEBHOOK_QUIET_SECONDS} ({@link dev.salesbot.sync.shopify.webhooks.ChangeSet}: each
 *   change a topic, a kind and a validated gid, one a line); each lifecycle and privacy topic has its handler:
 *   {@code app/uninstalled} deletes the tokens, marks the store uninstalled and abandons its pending
 *   work — unless {@code X-Shopify-Triggered-At} is before the store's latest install (a retry
 *   arriving after a reinstall: 200 {@code stale}, nothing changed); {@code shop/redact} becomes a
 *   {@code SHOPIFY_REDACT} request, but only for a store that is uninstalled ({@code stale} for one
 *   installed again); the two customer topics are
 *   logged with their request id (no customer data is held); {@code bulk_operations/finish} is
 *   recorded on the operation's row. A store that is unknown or uninstalled: 200 {@code dropped}
 *   and an INFO line.</li>
 *   <li>{@link dev.salesbot.sync.shopify.webhooks.WebhookCheck} gives the callback's
 *   {@code webhook_test}: success only when registration found every topic at the configured
 *   address and a signed test delivery to that address was answered as this server's (it starts no
 *   sync); at most about 4 s. The result pages read it again while they follow the first sync
 *   ({@code /connections/status}): one delivery per subscription check and server, not per read.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> A webhook names what changed; it is never trusted for what the thing is now
 * (its body is not stored, only its validated gid). The endpoint answers 200 to everything it
 * verified, even when it drops it, because Shopify removes subscriptions whose deliveries keep
 * failing. The privacy topics are declared in the app's configuration, the repository's
 * {@code shopify.app.toml}, not subscribed (the Admin API has no topic for them); every other topic
 * is subscribed per store, none app-wide in that file: the server installs through its own
 * authorization code grant, with which Shopify CLI refuses app-wide topics, and
 * {@code webhookSubscriptions} lists only per-store subscriptions, the ones registration can check,
 * repair and remove. {@code ShopifyAppTomlTest} fails when the file and {@code WebhookTopic}
 * disagree. Adding a topic to {@code WebhookTopic} does not compile until the recorder and
 * {@code ChangeSet} say what it means.
 */
package dev.salesbot.sync.shopify.webhooks;
