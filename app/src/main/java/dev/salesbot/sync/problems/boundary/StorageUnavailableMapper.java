package dev.salesbot.sync.problems.boundary;

import dev.salesbot.sync.storage.control.StorageUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Storage down while a request needed it: 503 with {@code Retry-After}, saying it is passing
 * trouble. (The syncs never get here: the worker retries them until storage is back.)
 */
@Provider
public class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailableException> {

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(StorageUnavailableException e) {
        Response answer = ProblemResponses.answer(503, "/problems/storage-unavailable", "Storage is unavailable for now",
                "The bot's storage did not answer, so this could not be done just now.", headers, uri, e);
        return Response.fromResponse(answer).header("Retry-After", "60").build();
    }
}
