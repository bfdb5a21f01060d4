package dev.salesbot.sync.admin.boundary;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.web.Html;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Answers the authentication mechanism writes itself (before any resource runs): RFC 9457
 * problems for the API, pages for browsers. Each is committed at once, so no container can turn
 * it into something else afterwards.
 */
final class AdminResponses {

    private static final System.Logger LOGGER = System.getLogger(AdminResponses.class.getName());

    private AdminResponses() {
    }

    static void problem(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
        String instance = "urn:uuid:" + UUID.randomUUID();
        LOGGER.log(status >= 500 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG, "{0} {1} admin: {2}", instance, status, detail);
        String body = Jsonp.createObjectBuilder().add("type", "/problems/" + slug).add("title", title).add("status", status)
                .add("detail", detail).add("instance", instance).build().toString();
        write(response, status, "application/problem+json", body);
    }

    static void page(HttpServletResponse response, int status, String html) throws IOException {
        write(response, status, "text/html;charset=UTF-8", html);
    }

    static void problemPage(HttpServletResponse response, int status, String title, String detail) throws IOException {
        page(response, status, Html.page(title, "<h1>" + Html.escape(title) + "</h1><p class=\"problem\">" + Html.escape(detail)
                + "</p><p><a href=\"/admin\">Back to the admin console</a></p>"));
    }

    static void seeOther(HttpServletResponse response, String location) throws IOException {
        response.setStatus(303);
        response.setHeader("Location", location);
        response.setContentLength(0);
        response.flushBuffer();
    }

    /** The largest unread body drained after a refusal; a larger one is left (the connection then closes). */
    static final int DRAIN_LIMIT = 1 << 20;

    /**
     * Reads and drops what is left of a refused request's body, so the exchange is complete: a
     * container that sees it incomplete after a failed authentication (Undertow) would try to send
     * an error page over the answer already sent.
     */
    static void drain(jakarta.servlet.http.HttpServletRequest request) {
        try (var in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; total < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) {
                total += n;
            }
        } catch (IOException | IllegalStateException e) {
            // Already read as parameters, or the client went away: nothing left to drain.
        }
    }

    private static void write(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
