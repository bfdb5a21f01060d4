package dev.salesbot.sync.shopify.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Downloads a bulk operation's result with a plain HTTP client: the address is a signed storage
 * URL (not the shop's host), so no Shopify token or header of the app is sent. Only the addresses
 * of {@link BulkResults} are opened, no redirect is followed, a declared length over the cap is
 * refused before reading; the body is streamed, never held whole ({@link BulkAssembly} caps what it
 * reads).
 */
public final class HttpBulkDownloads implements BulkCatalogFetch.Downloads {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final BulkResults results;

    public HttpBulkDownloads(BulkResults results) {
        this.results = results;
    }

    /** Downloads that fetch nothing, each file unusable for {@code why} (malformed settings): every part is paged. */
    public static BulkCatalogFetch.Downloads refusing(String why) {
        return url -> {
            throw new BulkAssembly.Unusable(why);
        };
    }

    @Override
    public BulkResults limits() {
        return results;
    }

    @Override
    public InputStream open(String url) throws IOException, BulkCatalogFetch.Gone, BulkAssembly.Unusable {
        Optional<String> refusal = results.refusal(url);
        if (refusal.isPresent()) {
            throw new BulkAssembly.Unusable(refusal.get());
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > results.maxBytes()) {
                response.body().close();
                throw new BulkAssembly.Unusable("its file has " + length + " bytes, more than BULK_RESULT_MAX_BYTES (" + results.maxBytes() + ")");
            }
            return response.body();
        }
        response.body().close();
        if (status >= 300 && status < 400) {
            throw new BulkAssembly.Unusable("its result address answered a redirect (HTTP " + status + "), which is not followed");
        }
        if (status == 403 || status == 404 || status == 410) {
            throw new BulkCatalogFetch.Gone("the result address answered HTTP " + status);
        }
        throw new IOException("the result address answered HTTP " + status);
    }
}
