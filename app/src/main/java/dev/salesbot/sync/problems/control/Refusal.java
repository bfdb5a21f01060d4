package dev.salesbot.sync.problems.control;

/**
 * A request a control refuses, with a precise, secret-free {@code detail} for the person who sent
 * it. Controls throw this (never a JAX-RS type), so the worker, the poller and tests use them
 * without a request; {@code problems.boundary.RefusalMapper} answers it as an RFC 9457 problem.
 * {@code slug} names the kind of problem ({@code /problems/<slug>}).
 */
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal: the boundary maps each to an HTTP status. */
    public enum Kind {
        /** The input is malformed or incomplete (400). */
        BAD_INPUT,
        /** A signature is missing or does not verify (401). */
        UNAUTHENTICATED,
        /** Signature, state, permission or policy refused (403). */
        NOT_ALLOWED,
        /** What the request names does not exist (404). */
        NOT_FOUND,
        /** Not possible in the current state, e.g. no merchant in the session (409). */
        CONFLICT,
        /** The request body is larger than this address accepts (413). */
        TOO_LARGE,
        /** A platform answered an error (502). */
        UPSTREAM_FAILED,
        /** A platform asks us to slow down or is unavailable for now (503). */
        UPSTREAM_BUSY,
        /** This server cannot take the request now: send it again after {@link #retryAfterSeconds} (503 with {@code Retry-After}). */
        OVERLOADED
    }

    private final Kind kind;
    private final String slug;
    private final String title;
    private final int retryAfterSeconds;

    public Refusal(Kind kind, String slug, String title, String detail, Throwable cause) {
        this(kind, slug, title, detail, cause, 0);
    }

    private Refusal(Kind kind, String slug, String title, String detail, Throwable cause, int retryAfterSeconds) {
        super(detail, cause);
        this.kind = kind;
        this.slug = slug;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** This server cannot take the request now (intake full, say); the sender is to send it again in {@code retryAfterSeconds}. */
    public static Refusal overloaded(String slug, String detail, int retryAfterSeconds, Throwable cause) {
        return new Refusal(Kind.OVERLOADED, slug, "Try again later", detail, cause, Math.max(1, retryAfterSeconds));
    }

    /** For {@link Kind#OVERLOADED}: the seconds the sender is asked to wait; 0 otherwise. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static Refusal badInput(String slug, String detail) {
        return new Refusal(Kind.BAD_INPUT, slug, "Bad request", detail, null);
    }

    public static Refusal unauthenticated(String slug, String detail) {
        return new Refusal(Kind.UNAUTHENTICATED, slug, "Not authenticated", detail, null);
    }

    public static Refusal notAllowed(String slug, String detail) {
        return new Refusal(Kind.NOT_ALLOWED, slug, "Request not authorised", detail, null);
    }

    public static Refusal notFound(String slug, String detail) {
        return new Refusal(Kind.NOT_FOUND, slug, "Not found", detail, null);
    }

    public static Refusal conflict(String slug, String title, String detail) {
        return new Refusal(Kind.CONFLICT, slug, title, detail, null);
    }

    public static Refusal tooLarge(String slug, String detail) {
        return new Refusal(Kind.TOO_LARGE, slug, "Payload too large", detail, null);
    }

    public static Refusal upstreamFailed(String slug, String detail, Throwable cause) {
        return new Refusal(Kind.UPSTREAM_FAILED, slug, "Upstream service failed", detail, cause);
    }

    public static Refusal upstreamBusy(String slug, String title, String detail) {
        return new Refusal(Kind.UPSTREAM_BUSY, slug, title, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
