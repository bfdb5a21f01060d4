package dev.salesbot.sync.shopify.bulk;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 24: a bulk result is fetched only from Shopify's storage (or what BULK_RESULT_ADDRESSES
 * names), never through a redirect, and read only up to its caps; anything else makes that part's
 * file unusable, so the part is paged.
 */
class BulkResultsTest {

    static final String SIGNED = "?GoogleAccessId=assets-us-prod%40shopify-tiers.iam.gserviceaccount.com&Expires=1&Signature=x";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void onlyShopifysBucketIsAllowedByDefault() {
        BulkResults results = BulkResults.DEFAULTS;

        assertThat(results.refusal("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/bulk-operation-outputs/abc-final" + SIGNED)).isEmpty();
        assertThat(results.refusal("https://STORAGE.googleapis.com:443/shopify-tiers-assets-prod-us-east1/x")).as("same host, port").isEmpty();
        assertThat(results.refusal("http://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/x")).as("https only").isPresent();
        assertThat(results.refusal("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east10/x")).as("a near-match bucket").isPresent();
        assertThat(results.refusal("https://storage.googleapis.com/someone-elses-bucket/x")).isPresent();
        assertThat(results.refusal("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/../someone-elses-bucket/x")).isPresent();
        assertThat(results.refusal("https://storage.googleapis.com.evil.example/shopify-tiers-assets-prod-us-east1/x")).isPresent();
        assertThat(results.refusal("https://user@storage.googleapis.com/shopify-tiers-assets-prod-us-east1/x")).isPresent();
        assertThat(results.refusal("https://storage.googleapis.com:8443/shopify-tiers-assets-prod-us-east1/x")).isPresent();
        assertThat(results.refusal("file:///etc/passwd")).isPresent();
        assertThat(results.refusal("https://storage.googleapis.com/shopify-tiers-assets-prod-us-east1/x" + SIGNED).orElse(""))
                .as("never the signature").doesNotContain("Signature");
    }

    @Test
    void malformedAddressesAreRefusedByName() {
        for (String bad : new String[]{"storage.googleapis.com/bucket/", "ftp://host/path/", "https://user@host/path/", "https://host/path/?q=1", " , "}) {
            assertThatThrownBy(() -> BulkResults.parse(bad, 10, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BULK_RESULT_ADDRESSES");
        }
        assertThat(BulkResults.parse(" http://127.0.0.1:8080/sandbox/shopify-bulk-results/ , " + BulkResults.SHOPIFY, 10, 10).addresses()).hasSize(2);
    }

    @Test
    void aFileOrALineOverItsCapIsUnusableAndReadNoFurther() throws Exception {
        String file = "{\"id\":\"gid://shopify/Product/1\",\"title\":\"a\"}\n{\"id\":\"gid://shopify/Product/2\",\"title\":\"b\"}\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

        assertThat(new BulkAssembly().read(new ByteArrayInputStream(bytes), 2, bytes.length, 64).rootCount()).isEqualTo(2);
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(bytes), 2, bytes.length - 1, 64))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("BULK_RESULT_MAX_BYTES");
        assertThatThrownBy(() -> new BulkAssembly().read(new ByteArrayInputStream(bytes), 2, bytes.length, 20))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("line 1 is longer than BULK_RESULT_MAX_LINE_BYTES");
        byte[] crlf = file.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(new BulkAssembly().read(new ByteArrayInputStream(crlf), 2, crlf.length, 64).rootCount()).as("CRLF lines").isEqualTo(2);
    }

    @Test
    void aRedirectIsNotFollowedAndATooLargeFileIsNotRead() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/results/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/results/large", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1000]);
            }
        });
        server.createContext("/results/ok", exchange -> {
            byte[] body = "{\"id\":\"1\"}\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/results/expired", exchange -> {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/results/";
        HttpBulkDownloads downloads = new HttpBulkDownloads(BulkResults.parse(base, 100, 100));

        assertThatThrownBy(() -> downloads.open(base + "redirect")).isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("redirect");
        assertThatThrownBy(() -> downloads.open(base + "large")).isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("BULK_RESULT_MAX_BYTES");
        assertThatThrownBy(() -> downloads.open(base + "expired")).isInstanceOf(BulkCatalogFetch.Gone.class);
        assertThatThrownBy(() -> downloads.open("http://127.0.0.1:" + server.getAddress().getPort() + "/other/ok"))
                .isInstanceOf(BulkAssembly.Unusable.class).hasMessageContaining("BULK_RESULT_ADDRESSES");
        try (InputStream in = downloads.open(base + "ok")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"1\"}\n");
        }
    }
}
