/**
 * Page notifications.
 *
 * <p><b>Rules.</b>
 * <ul>
 *   <li>At each connect {@link dev.salesbot.sync.facebook.webhooks.AppWebhookSubscription} reads the
 *   app's subscription for {@code page} with an app token and sets it only when it does not match
 *   ({@code callback_url = FACEBOOK_WEBHOOK_ADDRESS}, {@code verify_token = FACEBOOK_VERIFY_TOKEN},
 *   the webhook fields).</li>
 *   <li>{@code GET /facebook/webhook} answers Meta's verification request (constant-time token
 *   check, exactly the challenge, 403 otherwise). {@code POST /facebook/webhook}: raw bytes capped,
 *   {@code X-Hub-Signature-256} checked on them before parsing
 *   ({@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookReceipts}), every entry's id digits
 *   only.</li>
 *   <li>{@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookRecorder} keys each entry by the
 *   SHA-256 of its canonical JSON (Meta has no delivery id) and turns the Page-field changes of a
 *   connected Page into a coalesced {@code FACEBOOK_PAGE_CHANGES} request (one Graph read per quiet
 *   window), a batch of notifications a transaction
 *   ({@link dev.salesbot.sync.facebook.webhooks.FacebookIntake}, group commit). Messenger events are acknowledged and ignored; an unknown Page's entry is dropped.</li>
 *   <li>{@code webhook_test} comes from {@link dev.salesbot.sync.facebook.webhooks.FacebookWebhookCheck}:
 *   the app subscription matches and a signed test delivery was answered as this server's.</li>
 * </ul>
 */
package dev.salesbot.sync.facebook.webhooks;
