/**
 * Errors as RFC 9457 problems.
 *
 * <p><b>Rules.</b> Controls throw {@link dev.salesbot.sync.problems.control.Refusal} (plain Java:
 * a kind, a slug and a precise, secret-free {@code detail}), so the worker and tests use them
 * without a request; boundaries may throw {@link dev.salesbot.sync.problems.boundary.Problem} (a
 * {@code WebApplicationException}). {@code RefusalMapper} maps a refusal's kind to its status
 * (bad input 400, not allowed 403, conflict 409, upstream failed 502, upstream busy 503); the mappers answer
 * {@code application/problem+json} ({@code type, title, status, detail, instance}) or, for a
 * browser, a readable page with the same reference and what to do about it, by the problem's kind
 * ({@code Advice}: denied permissions, an unknown store, an expired link, …, each with the link
 * that does it). (Storage trouble never reaches a request: a sync waits for storage, and the
 * merchant's status says so in words.) Anything unexpected is a 500 that names no
 * internals. 4xx are logged at DEBUG, 5xx at ERROR with the {@code instance} id. Never a stack trace
 * in an answer.
 */
package dev.salesbot.sync.problems;
