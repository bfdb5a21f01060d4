package dev.salesbot.sync.web.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' style sheet and script, from the WAR's classes: the JAX-RS application is mapped at
 * {@code /}, so the container's default servlet never sees a request. A fixed list of names, read
 * once: nothing a request says becomes a path.
 */
@Path("assets/{name}")
public class Assets {

    private static final Map<String, Asset> ASSETS = Map.of(
            "app.css", Asset.load("app.css", "text/css; charset=utf-8"),
            "live-status.js", Asset.load("live-status.js", "text/javascript; charset=utf-8"));

    private record Asset(byte[] bytes, String type) {
        static Asset load(String name, String type) {
            try (InputStream in = Assets.class.getResourceAsStream("/dev/salesbot/sync/web/assets/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("The WAR lacks the asset " + name);
                }
                return new Asset(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GET
    public Response get(@PathParam("name") String name) {
        Asset asset = ASSETS.get(name);
        if (asset == null) {
            throw new NotFoundException();
        }
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(asset.bytes(), asset.type()).cacheControl(cache).build();
    }
}
