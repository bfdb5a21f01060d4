package dev.salesbot.sync.problems.boundary;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.web.Html;
import dev.salesbot.sync.web.Negotiation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds the answer for a problem: {@code application/problem+json} for API clients, a readable
 * page for browsers. 4xx are logged at DEBUG, 5xx at ERROR with the {@code instance} id that the
 * answer also carries, so an operator can find the log line a user quotes.
 */
final class ProblemResponses {

    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final System.Logger LOGGER = System.getLogger(ProblemResponses.class.getName());

    private ProblemResponses() {
    }

    static Response answer(int status, String type, String title, String detail,
                           HttpHeaders headers, UriInfo uri, Throwable cause) {
        return answer(status, type, title, detail, headers, uri, cause, status >= 500 ? System.Logger.Level.ERROR : System.Logger.Level.DEBUG);
    }

    /** As above, logged at {@code level} (a 5xx at ERROR with its cause's stack trace). */
    static Response answer(int status, String type, String title, String detail,
                           HttpHeaders headers, UriInfo uri, Throwable cause, System.Logger.Level level) {
        String instance = "urn:uuid:" + UUID.randomUUID();
        String path = uri == null ? "" : "/" + uri.getPath().replaceFirst("^/", "");
        if (level == System.Logger.Level.ERROR) {
            // The (message, Throwable) form: a Throwable among format parameters would lose its stack trace.
            LOGGER.log(System.Logger.Level.ERROR, instance + " " + status + " on " + path + ": " + detail, cause);
        } else {
            LOGGER.log(System.Logger.Level.DEBUG, "{0} {1} on {2}: {3}", instance, status, path, detail);
        }
        if (headers != null && Negotiation.prefersHtml(headers)) {
            Advice advice = Advice.of(type, status);
            String page = Html.page(title, "<h1>" + Html.escape(title) + "</h1>"
                    + "<p class=\"problem\" id=\"problem-detail\">" + Html.escape(detail) + "</p>"
                    + "<h2>What to do</h2><p id=\"what-to-do\">" + Html.escape(advice.whatToDo()) + "</p>"
                    + "<p><a class=\"button\" id=\"problem-link\" href=\"" + Html.escape(advice.link()) + "\">"
                    + Html.escape(advice.linkText()) + "</a></p>"
                    + "<p class=\"muted\">Reference (quote it if you ask for help): <code id=\"problem-reference\">"
                    + instance + "</code></p>");
            // Bytes, not a String: RESTEasy (WildFly) HTML-escapes String entities of 400 text/html
            // answers, which would show the page's source; every value in it is escaped already.
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(page.getBytes(StandardCharsets.UTF_8))
                    .build();
        }
        String body = Jsonp.createObjectBuilder()
                .add("type", type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .add("instance", instance)
                .build().toString();
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
