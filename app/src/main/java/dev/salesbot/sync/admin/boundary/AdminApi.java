package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.admin.control.Dashboard;
import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.merchants.control.ConnectionActions;
import dev.salesbot.sync.poll.control.PollControl;
import dev.salesbot.sync.problems.control.Refusal;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The admin console as a JSON API for scripts (HTTP Basic; see {@link AdminAuthentication} for
 * the {@code Content-Type} and CSRF rules). Reads answer 200; {@code poll}, {@code sync} and a
 * merchant's deletion answer 202 (queued work), the others 200 with what was done. Refusals are
 * {@code application/problem+json}: 400 for a malformed id, 404 for an unknown one, 409 for a
 * connection that is not active, 502 when a platform refused.
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
public class AdminApi {

    @Inject
    Dashboard dashboard;

    @Inject
    ConnectionActions actions;

    @Inject
    PollControl poller;

    @GET
    @Path("connections")
    public Response connections() {
        return Response.ok(AdminJson.connections(dashboard.connections(), OffsetDateTime.now(ZoneOffset.UTC)).toString()).build();
    }

    @GET
    @Path("summary")
    public Response summary() {
        return Response.ok(AdminJson.summary(dashboard.overview()).toString()).build();
    }

    @POST
    @Path("poll")
    public Response pollNow() {
        int enqueued = poller.pollNow();
        return Response.accepted(Jsonp.createObjectBuilder().add("enqueued", enqueued).build().toString()).build();
    }

    @POST
    @Path("connections/{id}/sync")
    public Response sync(@PathParam("id") String id) {
        return Response.accepted(AdminJson.done(actions.sync(id)).toString()).build();
    }

    @POST
    @Path("connections/{id}/webhooks")
    public Response webhooks(@PathParam("id") String id) {
        return Response.ok(AdminJson.done(actions.registerWebhooks(id)).toString()).build();
    }

    @POST
    @Path("connections/{id}/disconnect")
    public Response disconnect(@PathParam("id") String id) {
        return Response.ok(AdminJson.done(actions.disconnect(id, "an operator")).toString()).build();
    }

    @DELETE
    @Path("merchants/{uuid}")
    public Response deleteMerchant(@PathParam("uuid") String uuid) {
        List<ConnectionActions.Done> done = actions.deleteMerchant(merchant(uuid));
        JsonArrayBuilder deletions = Jsonp.createArrayBuilder();
        done.forEach(d -> deletions.add(AdminJson.done(d)));
        return Response.accepted(Jsonp.createObjectBuilder().add("merchant", uuid).add("deletions", deletions).build().toString()).build();
    }

    static UUID merchant(String uuid) {
        if (uuid == null || !ConnectionActions.ID.matcher(uuid).matches()) {
            throw Refusal.badInput("invalid-merchant-id", "A merchant id is a lower-case UUID, as /admin/api/connections lists it.");
        }
        return UUID.fromString(uuid);
    }
}
