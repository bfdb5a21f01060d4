package dev.salesbot.sync;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.MicroProcess;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 1: the WAR operators deploy holds no sandbox, and answers 404 under /sandbox in
 * every spelling. Deploys that WAR alone (no sandbox.war beside it), as production does, on a
 * Payara Micro of its own with SANDBOX_ENABLED unset.
 */
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.OWN_SERVERS)
class ProductionWarIT {

    static final List<String> SANDBOX_PATHS = List.of(
            "/sandbox/shopify/_control/shops/zzz/stats",
            "/sandbox;x/shopify/_control/shops/zzz/stats",
            "/sandbox;jsessionid=1/shopify/_control/shops/zzz/stats",
            "/sandbox%2Fshopify/_control/shops/zzz/stats",
            "/sandbox/shopify%2F_control/shops/zzz/stats",
            "//sandbox/shopify/_control/shops/zzz/stats",
            "/./sandbox/shopify/_control/shops/zzz/stats",
            "/x/../sandbox/shopify/_control/shops/zzz/stats",
            "/SANDBOX/shopify/_control/shops/zzz/stats",
            "/Sandbox/Shopify/_control/shops/zzz/stats",
            "/%73andbox/shopify/_control/shops/zzz/stats",
            "/sandbox/shopify/zzz.myshopify.com/admin/oauth/authorize?client_id=sandbox-shopify-app&redirect_uri=http://127.0.0.1/x",
            "/sandbox/facebook/_control/stats",
            "/sandbox/facebook/graph/v24.0/me",
            "/sandbox/facebook/www/v24.0/dialog/oauth?client_id=1");

    @Test
    void holdsNoSandboxClassNoSandboxDependencyAndNoSchema() throws IOException {
        List<String> entries = new ArrayList<>();
        try (ZipFile war = new ZipFile(System.getProperty("it.war"))) {
            Collections.list(war.entries()).stream().map(ZipEntry::getName).forEach(entries::add);
        }
        assertThat(entries).anyMatch(e -> e.startsWith("WEB-INF/classes/dev/salesbot/sync/"));
        assertThat(entries).noneMatch(e -> e.contains("dev/salesbot/sandbox"));
        assertThat(entries).noneMatch(e -> e.startsWith("WEB-INF/lib/graphql-java") || e.startsWith("WEB-INF/lib/java-dataloader"));
        assertThat(entries).noneMatch(e -> e.contains("introspection"));
    }

    /** Issue 12: no ADMIN_USERNAME / ADMIN_PASSWORD_HASH: every admin path answers 503 naming them, whatever is sent. */
    private static void assertAdminAreaIsClosedWithoutAnAdmin(Browser browser, URI base) {
        String root = base.toString().replaceAll("/$", "");
        for (String path : List.of("/admin", "/admin/login", "/admin/api/connections", "/admin/api/summary", "/admin/api/metrics",
                "/admin/api/poll", "/ADMIN/api/summary", "/admin/")) {
            for (String method : List.of("GET", "POST")) {
                HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(root + path))
                        .header("Authorization", dev.salesbot.sync.testing.AdminClient.basic("admin", "anything"))
                        .header("Content-Type", "application/json")
                        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(answer.body()).contains("ADMIN_USERNAME", "ADMIN_PASSWORD_HASH");
            }
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void answers404OnEverySandboxPathInEverySpelling() throws IOException {
        Path work = ItSettings.itDir().resolveSibling("it-production");
        Files.createDirectories(work);
        int port = MicroProcess.freePort();
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port, Map.of(
                "DATA_DIR", work.resolve("data").toAbsolutePath().toString()));
        settings.remove("SANDBOX_ENABLED");
        settings.remove("ADMIN_USERNAME");
        settings.remove("ADMIN_PASSWORD_HASH");
        try (MicroProcess server = MicroProcess.start("production", work, Path.of(System.getProperty("it.war")),
                Optional.empty(), port, settings, work.resolve("db/salesbot"))) {
            Browser browser = new Browser(server.base());
            assertThat(browser.get("/", Browser.HTML).statusCode()).as("the product itself is served").isEqualTo(200);
            List<String> answered = new ArrayList<>();
            for (String path : SANDBOX_PATHS) {
                for (String method : List.of("GET", "POST", "PUT")) {
                    HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(server.base().toString()
                                    .replaceAll("/$", "") + path))
                            .header("Content-Type", "application/json")
                            .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{\"products\":100000}")));
                    if (answer.statusCode() != 404) {
                        answered.add(method + " " + path + " → " + answer.statusCode() + " " + answer.body());
                    }
                }
            }
            assertThat(answered).as("every sandbox path is a 404").isEmpty();
            assertAdminAreaIsClosedWithoutAnAdmin(browser, server.base());
        }
    }
}
