package dev.salesbot.sync.problems.boundary;

import dev.salesbot.sync.problems.control.Refusal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A control's {@link Refusal} as a problem: its kind decides the status, its detail is the answer's. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.OVERLOADED) {
            // Expected under load and counted by a meter: no ERROR line (nor stack) per request.
            return Response.fromResponse(ProblemResponses.answer(503, "/problems/" + refusal.slug(), refusal.title(), refusal.detail(),
                    headers, uri, null, System.Logger.Level.DEBUG)).header("Retry-After", refusal.retryAfterSeconds()).build();
        }
        return ProblemResponses.answer(status(refusal.kind()), "/problems/" + refusal.slug(), refusal.title(),
                refusal.detail(), headers, uri, refusal.getCause());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_ALLOWED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UPSTREAM_FAILED -> 502;
            case UPSTREAM_BUSY, OVERLOADED -> 503;
        };
    }
}
