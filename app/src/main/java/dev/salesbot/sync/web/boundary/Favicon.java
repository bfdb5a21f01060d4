package dev.salesbot.sync.web.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/**
 * {@code /favicon.ico}, which browsers ask for on pages that name no icon (the sandbox's, another
 * WAR's): "no content" rather than a 404 that the browser would log as an error on every page.
 */
@Path("favicon.ico")
public class Favicon {

    @GET
    public Response none() {
        CacheControl day = new CacheControl();
        day.setMaxAge(86_400);
        return Response.noContent().cacheControl(day).build();
    }
}
