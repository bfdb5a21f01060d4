package dev.salesbot.sync.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem to answer: {@code type} is a relative URI naming the kind of problem,
 * {@code detail} says precisely what was wrong with this request. Never a secret in either.
 */
public class Problem extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    private final String type;
    private final String title;
    private final String detail;

    public Problem(Response.Status status, String slug, String title, String detail) {
        this(status.getStatusCode(), slug, title, detail, null);
    }

    public Problem(int status, String slug, String title, String detail, Throwable cause) {
        super(detail, cause, status);
        this.type = "/problems/" + slug;
        this.title = title;
        this.detail = detail;
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(Response.Status.BAD_REQUEST, slug, "Bad request", detail);
    }

    public static Problem forbidden(String slug, String detail) {
        return new Problem(Response.Status.FORBIDDEN, slug, "Request not authorised", detail);
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
