package dev.salesbot.sync.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every {@link WebApplicationException}, ours ({@link Problem}) or the runtime's (404, 405, …). */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof Problem p) {
            return ProblemResponses.answer(p.getResponse().getStatus(), p.type(), p.title(), p.detail(), headers, uri, p.getCause());
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original; // redirects and the like thrown as exceptions pass through untouched
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "HTTP " + status : info.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is nothing at /" + uri.getPath().replaceFirst("^/", "") + ".";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in any of the media types the request accepts.";
            case 415 -> "This address does not accept the request's content type.";
            default -> title + ".";
        };
        return ProblemResponses.answer(status, "about:blank", title, detail, headers, uri, status >= 500 ? e : null);
    }
}
