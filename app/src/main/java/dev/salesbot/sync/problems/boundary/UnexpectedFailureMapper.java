package dev.salesbot.sync.problems.boundary;

import dev.salesbot.sync.config.RequiredSetting;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else: a 500 problem that names no internals (the stack trace goes to the log, under the
 * answer's instance id). A missing setting is the exception: its message names the environment
 * variable to set and nothing secret, which is exactly what the operator needs.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        RequiredSetting missing = findRequiredSetting(e);
        if (missing != null) {
            return ProblemResponses.answer(500, "/problems/configuration", "Server configuration incomplete",
                    missing.getMessage(), headers, uri, e);
        }
        return ProblemResponses.answer(500, "about:blank", "Internal Server Error",
                "The server failed while handling this request; the reference below identifies it in the server log.",
                headers, uri, e);
    }

    private static RequiredSetting findRequiredSetting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequiredSetting r) {
                return r;
            }
        }
        return null;
    }
}
