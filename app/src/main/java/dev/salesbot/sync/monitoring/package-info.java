/**
 * What operators' tools read: MicroProfile Health checks and Micrometer meters.
 *
 * <p><b>Rules.</b>
 * <ul>
 * <li>Readiness: {@code database}, {@code storage}, {@code sync-worker}, {@code sync-queue};
 * liveness: {@code sync-worker} only (a restart fixes a dead worker, not a dead database). Each
 * check reads its source afresh, so an outage's end turns readiness UP again by itself. A check's
 * data never names an endpoint, a bucket, a key or a secret.</li>
 * <li>Meters ({@link dev.salesbot.sync.monitoring.control.Meters}): one Micrometer registry published
 * as Prometheus text at {@code GET /admin/api/metrics} (behind the admin, as the rest of the admin
 * API) and over JMX (domain {@code dev.salesbot.sync.metrics}). Tags are bounded sets (platform,
 * receipt, sync kind and result, HTTP method, Shopify API versions), never a shop, a Page or
 * anything a merchant typed. Counters exist from the start, at 0 — except the API version
 * fall-forward's, whose tags are only known when Shopify answers another version.</li>
 * <li>Features count through {@code Meters} (webhook resources, the Admin API transport, the Graph
 * client) or are observed ({@link dev.salesbot.sync.queue.control.SyncAttempt}, fired by the worker);
 * a metric never changes what the work does.</li>
 * </ul>
 *
 * <p><b>Decisions.</b> Micrometer bundled in the WAR rather than MicroProfile Metrics: WildFly 39
 * has none, and one library gives both the Prometheus text and JMX. Gauges that read the database
 * cache the figure 5 s, so a scrape every second costs at most one query per 5 s.
 */
package dev.salesbot.sync.monitoring;
