/**
 * Errors as RFC 9457 problems.
 *
 * <p><b>Rules.</b> Code throws {@link dev.salesbot.sync.problems.boundary.Problem} (a
 * {@code WebApplicationException}) with a precise, secret-free {@code detail}; the mappers answer
 * {@code application/problem+json} ({@code type, title, status, detail, instance}) or, for a
 * browser, a readable page with the same reference. Anything unexpected is a 500 that names no
 * internals. 4xx are logged at DEBUG, 5xx at ERROR with the {@code instance} id. Never a stack trace
 * in an answer.
 */
package dev.salesbot.sync.problems;
