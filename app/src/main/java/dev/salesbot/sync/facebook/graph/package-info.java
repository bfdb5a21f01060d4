/**
 * The Graph API as this app uses it: {@link dev.salesbot.sync.facebook.graph.GraphClient} (one
 * MicroProfile Rest Client, {@code FACEBOOK_GRAPH_BASE_URL} and {@code FACEBOOK_GRAPH_API_VERSION}),
 * the app's settings ({@link dev.salesbot.sync.facebook.graph.FacebookApp}), Page ids and the
 * Pages' sealed tokens ({@link dev.salesbot.sync.facebook.graph.PageTokens}).
 *
 * <p><b>Rules.</b> Every answer's {@code X-App-Usage} and {@code X-Business-Use-Case-Usage} are read;
 * above 80 % calls are spaced (up to 2 s each); codes 4/17/32/613 are retried after 1, 2, 4 s and
 * then given up, unless Graph announces minutes before access returns
 * ({@link dev.salesbot.sync.facebook.graph.Pacing}, {@link dev.salesbot.sync.facebook.graph.GraphCalls}).
 * A failed call is a {@link dev.salesbot.sync.facebook.graph.GraphException} carrying Graph's code,
 * which the callers classify; its message never holds a token. An app token (client credentials)
 * is fetched when needed and kept in memory only.
 */
package dev.salesbot.sync.facebook.graph;
