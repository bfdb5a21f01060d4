package dev.salesbot.sync.monitoring.boundary;

import dev.salesbot.sync.monitoring.control.Meters;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The Prometheus scrape endpoint, inside the admin API: the admin's credentials are needed, as
 * for every other {@code /admin/api} call (a scraper sends them with HTTP Basic).
 */
@Path("admin/api/metrics")
public class MetricsResource {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    Meters meters;

    /** Any Accept: scrapers ask for OpenMetrics first and take this text format (0.0.4) too. */
    @GET
    public Response scrape() {
        return Response.ok(meters.scrape()).type(TEXT_FORMAT).build();
    }
}
