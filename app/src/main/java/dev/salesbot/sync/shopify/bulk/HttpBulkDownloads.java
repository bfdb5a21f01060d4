package dev.salesbot.sync.shopify.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Downloads a bulk operation's result with a plain HTTP client: the address is a signed storage
 * URL (not the shop's host), so no Shopify token or header of the app is sent. Only http(s)
 * addresses are opened; the body is streamed, never held whole.
 */
public final class HttpBulkDownloads implements BulkCatalogFetch.Downloads {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public InputStream open(String url) throws IOException, BulkCatalogFetch.Gone {
        URI address = URI.create(url);
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme())) {
            throw new IOException("not an http(s) address");
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(address).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        response.body().close();
        if (status == 403 || status == 404 || status == 410) {
            throw new BulkCatalogFetch.Gone("the result address answered HTTP " + status);
        }
        throw new IOException("the result address answered HTTP " + status);
    }
}
