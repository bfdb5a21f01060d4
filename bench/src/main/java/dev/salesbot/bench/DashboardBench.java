package dev.salesbot.bench;

import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.Postgres;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The admin console with a large delivery history (issue 23, item 6): one Payara Micro on a fresh
 * PostgreSQL, {@code bench.connections} store connections and {@code bench.deliveries} rows in
 * {@code WEBHOOK_DELIVERY} (spread over the stores as a week of traffic is: most of it from a few
 * busy ones), then {@code bench.requests} calls of {@code GET /admin/api/connections} with the
 * admin's session, one at a time. Prints p50/p95/max and whether p95 ≤ 200 ms.
 */
public final class DashboardBench {

    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int deliveries = Integer.getInteger("bench.deliveries", 1_000_000);
        int connections = Integer.getInteger("bench.connections", 300);
        int requests = Integer.getInteger("bench.requests", 200);
        boolean met;
        try (Postgres postgres = Postgres.start()) {
            int port = MicroProcess.freePort();
            URI base = URI.create("http://127.0.0.1:" + port);
            Properties settings = settings(base, work);
            System.out.println("== start Payara Micro on 127.0.0.1:" + port + " with PostgreSQL (log: " + work.resolve("payara/server.log") + ")");
            try (MicroProcess server = MicroProcess.start("payara", work, Path.of("app/target/salesbot-sync.war"), Optional.empty(), port,
                    settings, postgres.pool())) {
                System.out.printf("== fill: %,d store connections, %,d webhook deliveries%n", connections, deliveries);
                long filling = System.nanoTime();
                fill(postgres, connections, deliveries);
                System.out.printf("filled in %.1f s%n", (System.nanoTime() - filling) / 1e9);

                Browser admin = new Browser(server.base());
                AdminClient.login(admin);
                for (int i = 0; i < 20; i++) {
                    call(admin, connections); // warm-up: JIT, pools, PostgreSQL's caches
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long started = System.nanoTime();
                    call(admin, connections);
                    nanos[i] = System.nanoTime() - started;
                }
                Arrays.sort(nanos);
                double p50 = nanos[requests / 2] / 1e6;
                double p95 = nanos[(int) Math.ceil(requests * 0.95) - 1] / 1e6;
                double max = nanos[requests - 1] / 1e6;
                System.out.printf("%nGET /admin/api/connections, %d connections, %,d delivery rows, %d calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                        connections, deliveries, requests, p50, p95, max);
                met = WebhookBench.check("p95 ≤ 200 ms", p95 <= 200);
            }
        }
        System.exit(met ? 0 : 1);
    }

    private static void call(Browser admin, int connections) {
        HttpResponse<String> answer = admin.get("/admin/api/connections", "application/json");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/api/connections answered " + answer.statusCode() + ": " + answer.body());
        }
        int listed = AdminClient.json(answer).getJsonArray("connections").size();
        if (listed != connections) {
            throw new IllegalStateException("the console listed " + listed + " connections, not " + connections);
        }
    }

    /**
     * Connections as disconnected stores (listed like any other, never polled), and deliveries over
     * the last week: a tenth of the stores send nine in ten of them, every store sends some.
     */
    private static void fill(Postgres postgres, int connections, int deliveries) throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.url(), "salesbot", postgres.pool().password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO SHOPIFY_CONNECTION (ID, MERCHANT_ID, STATUS, STATUS_REASON, CONNECTED_AT, UPDATED_AT, INSTALLED_AT, SHOP, VERSION)"
                    + " SELECT md5('c' || g)::uuid::text, md5('m' || g)::uuid::text, 'DISCONNECTED', 'Disconnected for the benchmark',"
                    + " now() - interval '30 days', now() - interval '30 days', now() - interval '30 days',"
                    + " 'dashboard-bench-' || g || '.myshopify.com', 1 FROM generate_series(1, " + connections + ") g");
            int busy = Math.max(1, connections / 10);
            s.execute("INSERT INTO WEBHOOK_DELIVERY (ID, PLATFORM, SOURCE, TOPIC, RECEIVED_AT)"
                    + " SELECT 'shopify:bench-' || g, 'shopify',"
                    + " 'dashboard-bench-' || (CASE WHEN g % 10 = 0 THEN 1 + (g / 10) % " + connections + " ELSE 1 + g % " + busy + " END) || '.myshopify.com',"
                    + " (ARRAY['products/update', 'inventory_levels/update', 'products/create'])[1 + g % 3],"
                    + " now() - (g * interval '604800 milliseconds' / " + deliveries + ")"
                    + " FROM generate_series(1, " + deliveries + ") g");
            s.execute("ANALYZE");
        }
    }

    private static Properties settings(URI base, Path work) {
        Properties p = new Properties();
        p.putAll(Map.of(
                "FACEBOOK_APP_ID", "1000000000000001",
                "FACEBOOK_APP_SECRET", WebhookBench.random(24),
                "FACEBOOK_REDIRECT_URI", base + "/facebook/callback",
                "SHOPIFY_WEBHOOK_ADDRESS", base + "/shopify/webhook"));
        p.putAll(Map.of(
                "DATA_DIR", work.resolve("data").toAbsolutePath().toString(),
                "SHOPIFY_API_KEY", "dashboard-bench",
                "SHOPIFY_API_SECRET", WebhookBench.random(24),
                "SHOPIFY_REDIRECT_URI", base + "/shopify/callback",
                "STATE_TOKEN_SECRET", WebhookBench.random(32),
                "TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(WebhookBench.bytes(32)),
                "ADMIN_USERNAME", AdminClient.USER,
                "ADMIN_PASSWORD_HASH", ItSettings.get("ADMIN_PASSWORD_HASH"),
                // A year: nothing is polled during the run.
                "POLL_INTERVAL_HOURS", "8760"));
        return p;
    }
}
