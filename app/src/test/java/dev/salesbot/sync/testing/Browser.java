package dev.salesbot.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that follows no redirect by itself (tests look at each hop) and
 * remembers every body it received, so a test can prove a secret never reached a client.
 */
public final class Browser {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final List<String> bodiesSeen = new ArrayList<>();
    private final URI base;
    /** Behind a round-robin load balancer: the servers taking turns, and the address it forwards. */
    private final List<URI> servers;
    private final String forwardedFor;
    private final List<URI> served = new ArrayList<>();

    /** A browser of the integration tests' server ({@link ItSettings#baseUri()}). */
    public Browser() {
        this(ItSettings.baseUri());
    }

    /** A browser of another server, e.g. one a test starts and restarts itself. */
    public Browser(URI base) {
        this(base, List.of(), null);
    }

    private Browser(URI base, List<URI> servers, String forwardedFor) {
        this.base = base;
        this.servers = servers;
        this.forwardedFor = forwardedFor;
        // HTTP/1.1, as every browser speaks over cleartext (HTTP/2 only over TLS): Java's client would
        // otherwise ask for an h2c upgrade, which Grizzly handles badly (README, Limits).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(servers.isEmpty() ? cookies : new ThroughTls())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The cookie jar of a browser talking https to a load balancer that ends TLS: the servers
     * behind it are reached over http, but the browser sees https, so it keeps and sends
     * {@code Secure} cookies.
     */
    private final class ThroughTls extends java.net.CookieHandler {

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(seenByBrowser(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(seenByBrowser(uri), headers);
        }

        private URI seenByBrowser(URI uri) {
            return servers.stream().anyMatch(s -> s.getPort() == uri.getPort())
                    ? URI.create("https" + uri.toString().substring(uri.getScheme().length())) : uri;
        }
    }

    /**
     * A browser at {@code client} behind a round-robin load balancer that ends TLS in front of
     * {@code servers} (the documented several-server set-up): each request to the application (any
     * of the servers' addresses, http or https, except the sandbox's {@code /sandbox/} paths, which
     * play the platforms) goes over http to the server after the one before, with the
     * {@code X-Forwarded-For} header the load balancer adds. Cookies are one jar for all, kept as
     * the browser sees them, over https.
     */
    public static Browser behindLoadBalancer(String client, URI... servers) {
        return new Browser(servers[0], List.of(servers), client);
    }

    /** Which server each application request went to, in order (behind a round robin). */
    public List<URI> served() {
        return List.copyOf(served);
    }

    public HttpResponse<String> get(String pathOrUrl, String accept) {
        return send(HttpRequest.newBuilder(resolve(base, pathOrUrl)).header("Accept", accept).GET());
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return get(pathOrUrl, JSON);
    }

    public HttpResponse<String> postForm(String pathOrUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(base, pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(balanced(request.timeout(Duration.ofSeconds(60)).build()),
                    HttpResponse.BodyHandlers.ofString());
            bodiesSeen.add(response.body());
            response.headers().firstValue("Location").ifPresent(bodiesSeen::add);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest balanced(HttpRequest request) {
        URI uri = request.uri();
        boolean app = servers.stream().anyMatch(s -> s.getPort() == uri.getPort())
                && (uri.getRawPath() == null || !uri.getRawPath().startsWith("/sandbox/"));
        if (!app) {
            return request;
        }
        URI server = servers.get(served.size() % servers.size());
        served.add(server);
        URI target = URI.create(server.getScheme() + "://" + server.getRawAuthority() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(resolve(base, target.toString()))
                .header("X-Forwarded-For", forwardedFor).build();
    }

    /** The session cookie's value: {@code salesbot-session} over http, {@code __Host-salesbot-session} over https. */
    public Optional<String> sessionId() {
        return cookie("salesbot-session").or(() -> cookie("__Host-salesbot-session")).map(HttpCookie::getValue);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public List<String> bodiesSeen() {
        return List.copyOf(bodiesSeen);
    }

    public static URI resolve(String pathOrUrl) {
        return resolve(ItSettings.baseUri(), pathOrUrl);
    }

    public static URI resolve(URI base, String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : base.resolve(pathOrUrl);
        if (!"127.0.0.1".equals(uri.getHost())) {
            throw new IllegalArgumentException("tests talk to 127.0.0.1 only, not " + uri.getHost());
        }
        return uri;
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
