/**
 * The pages people see: the start page, the shared layout and escaping
 * ({@link dev.salesbot.sync.web.Html}), JSON-or-HTML negotiation
 * ({@link dev.salesbot.sync.web.Negotiation}: the first of JSON or HTML the {@code Accept} header
 * names wins; {@code *}{@code /*} alone means JSON), and the session cookie's flags.
 *
 * <p><b>Decisions.</b> Pages are JAX-RS resources rendering small HTML strings, not static files or
 * a template engine: the JAX-RS application is mapped at {@code /}, and every value is escaped by
 * {@link dev.salesbot.sync.web.Html#escape}. No JavaScript is needed to connect.
 */
package dev.salesbot.sync.web;
