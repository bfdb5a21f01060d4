/**
 * What every page shares: the layout and escaping
 * ({@link dev.salesbot.sync.web.Html}), JSON-or-HTML negotiation
 * ({@link dev.salesbot.sync.web.Negotiation}: the first of JSON or HTML the {@code Accept} header
 * names wins; {@code *}{@code /*} alone means JSON), the served style sheet and script
 * ({@link dev.salesbot.sync.web.boundary.Assets}), the headers every answer carries
 * ({@link dev.salesbot.sync.web.boundary.SecurityHeaders}) and the client's address
 * ({@link dev.salesbot.sync.web.boundary.ClientAddress}).
 *
 * <p><b>Rules.</b> No inline script, style or event handler on any page: the
 * Content-Security-Policy allows scripts, styles and fetches from this origin only. Every value on a
 * page is escaped by {@link dev.salesbot.sync.web.Html#escape}. Every page has {@code lang}, a
 * {@code main} landmark, a label for each control, and reads at 320 px wide; the browser tests run
 * axe-core on each. Pages work without JavaScript: the one script only keeps a result page's
 * states current while a first sync runs.
 *
 * <p><b>Decisions.</b> Pages are JAX-RS resources rendering small HTML strings, not a template
 * engine: a handful of pages do not pay for one. The assets are classpath resources served by a
 * resource with a fixed list of names, because the JAX-RS application is mapped at {@code /} and
 * the container's default servlet never sees a request.
 */
package dev.salesbot.sync.web;
