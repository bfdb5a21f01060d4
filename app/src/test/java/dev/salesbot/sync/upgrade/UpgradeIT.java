package dev.salesbot.sync.upgrade;

import dev.salesbot.sync.security.control.TokenCipher;
import dev.salesbot.sync.testing.AdminClient;
import dev.salesbot.sync.testing.Await;
import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Dirs;
import dev.salesbot.sync.testing.ItExecution;
import dev.salesbot.sync.testing.ItLanes;
import dev.salesbot.sync.testing.ItSettings;
import dev.salesbot.sync.testing.Listeners;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.Postgres;
import dev.salesbot.sync.testing.ShopifyWebhooks;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22: an upgrade keeps every connection. A database exactly as release 0.1.0 left it — its
 * schema and rows (a store and its three Pages connected, their tokens sealed), captured once from
 * that release by {@code app/src/test/upgrade/capture.sh} and checked in under
 * {@code src/test/resources/upgrade/0.1.0/} — is opened by this version's WAR, on H2 and on
 * PostgreSQL: the migrations adopt it in place; every connection is listed active with the same
 * merchant; its tokens open; poll now syncs all four; a product edited in the store reaches the
 * snapshot through a webhook; nobody reconnects. (The H2 server, started as the run command starts
 * it, also proves that it listens on loopback only.)
 *
 * <p>The platforms are simulated (the sandbox, in the same server): Shopify and Meta keep the
 * tokens they issued to release 0.1.0, so the test gives the new sandbox those tokens, read from
 * the captured rows with the capture's key. Times move with the capture's age, as if 0.1.0 had run
 * until just now: the access and refresh tokens' expiry columns and the store's next poll.
 */
@ItExecution(ItExecution.LOCAL_STORAGE)
@ResourceLock(ItLanes.OWN_SERVERS)
class UpgradeIT {

    static final Path CAPTURE = Path.of("src/test/resources/upgrade/0.1.0");
    static final Duration SYNCED_WITHIN = Duration.ofSeconds(60);

    private final Properties capture = new Properties();
    private Path work;

    @BeforeEach
    void loadCapture(org.junit.jupiter.api.TestInfo test) throws IOException {
        try (var in = Files.newBufferedReader(CAPTURE.resolve("capture.properties"))) {
            capture.load(in);
        }
        work = ItSettings.itDir().resolveSibling("it-upgrade").resolve(test.getTestMethod().orElseThrow().getName());
        Dirs.deleteTree(work);
        Files.createDirectories(work);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anH2DatabaseOfRelease010KeepsEveryConnection() throws Exception {
        Path file = work.resolve("db/salesbot");
        String url = "jdbc:h2:" + file.toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "", ""); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + CAPTURE.resolve("h2.sql").toAbsolutePath() + "'");
        }
        Database database = new Database(() -> open(url + ";AUTO_SERVER=TRUE", "", ""), "h2");
        database.moveTimesToNow();
        upgradeAndUse(new MicroProcess.H2(file), database);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aPostgresqlDatabaseOfRelease010KeepsEveryConnection() throws Exception {
        try (Postgres postgres = Postgres.start()) {
            // pg_dump's own lines for psql (\restrict …) are not SQL: the rest runs as it is.
            postgres.execute(Files.readAllLines(CAPTURE.resolve("postgresql.sql")).stream().filter(l -> !l.startsWith("\\"))
                    .reduce("", (a, b) -> a + b + "\n"));
            MicroProcess.Postgres pool = postgres.pool();
            Database database = new Database(() -> open(pool.url(), pool.user(), pool.password()), "postgresql");
            database.moveTimesToNow();
            upgradeAndUse(pool, database);
        }
    }

    private void upgradeAndUse(MicroProcess.Pool pool, Database database) throws Exception {
        String shop = capture.getProperty("shop");
        String merchant = capture.getProperty(database.name + ".merchant");
        List<String> pages = List.of(capture.getProperty(database.name + ".pages").split(","));
        Map<String, String> before = database.connections();
        assertThat(before).as("the captured connections").hasSize(1 + pages.size()).containsValue(merchant);

        int port = MicroProcess.freePort();
        Map<String, String> overrides = new HashMap<>();
        overrides.put("DATA_DIR", work.resolve("data").toAbsolutePath().toString());
        overrides.put("TOKEN_ENCRYPTION_KEY", capture.getProperty("TOKEN_ENCRYPTION_KEY"));
        Properties settings = MicroProcess.settings(ItSettings.all(), System.getProperty("it.http.port"), port, overrides);
        try (MicroProcess server = MicroProcess.start("server-" + database.name, work, Path.of(System.getProperty("it.war")),
                Optional.of(MicroProcess.sandboxWar()), port, settings, pool)) {
            URI base = server.base();
            assertThat(Files.readString(server.log())).contains("Database schema up to date");
            if (pool instanceof MicroProcess.H2) {
                // Started as the run command starts it (its pre-boot file, -Dh2.bindAddress): the HTTP
                // listener and H2's AUTO_SERVER port, on loopback only, and no data grid port.
                assertThat(Listeners.of(server.process().toHandle())).as("the server's listening sockets").isNotEmpty()
                        .allSatisfy(a -> assertThat(a.getAddress().isLoopbackAddress()).as(a.toString()).isTrue())
                        .noneSatisfy(a -> assertThat(a.getPort()).isEqualTo(6900));
            }
            restoreTokens(base, database, shop, pages);

            for (String target : before.keySet()) {
                assertThat(connection(base, target).getString("status")).as(target + " after the upgrade")
                        .isIn("healthy", "delayed");
            }
            Instant polled = Instant.now();
            HttpResponse<String> poll = admin(base, "POST", "/admin/api/poll");
            assertThat(poll.statusCode()).as(poll.body()).isEqualTo(202);
            assertThat(json(poll.body()).getInt("enqueued")).isEqualTo(before.size());
            for (String target : before.keySet()) {
                await(() -> polledSince(connection(base, target), polled), target + " polled, healthy", server);
            }

            // The poll re-created the store's webhook subscriptions: an edit in the store now arrives as one.
            Path snapshot = work.resolve("data/users/" + merchant + "/shopify/shopify_data.json");
            String product = json(Files.readString(snapshot)).getJsonObject("data").getJsonObject("products").getJsonArray("edges")
                    .getJsonObject(0).getJsonObject("node").getString("id");
            ShopifyWebhooks.editProduct(base, shop, product, "Renamed After The Upgrade", null, true);
            await(() -> read(snapshot).contains("Renamed After The Upgrade"), "the webhook's change in the snapshot", server);

            assertThat(database.connections()).as("the same connections, the same merchant: nobody reconnected").isEqualTo(before);
            assertThat(database.statuses()).as("every connection still active").containsOnly("ACTIVE");
            List<String> keys = new ArrayList<>();
            before.forEach((target, owner) -> keys.addAll(target.equals(shop)
                    ? List.of("users/" + owner + "/shopify/shopify_data.json", "users/" + owner + "/shopify/preprocessed_data.json")
                    : List.of("users/" + owner + "/facebook_messenger/" + target + "/page_data.json")));
            assertThat(database.recordedKeys()).as("the upgrade recorded each connection's storage keys; the polls wrote no other")
                    .containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    /**
     * Shopify and Meta honour the tokens they gave release 0.1.0: the new sandbox learns them from
     * the captured rows, opened with the capture's key by this version's cipher.
     */
    private void restoreTokens(URI base, Database database, String shop, List<String> pages) throws SQLException {
        TokenCipher cipher = new TokenCipher(Optional.of(capture.getProperty("TOKEN_ENCRYPTION_KEY")));
        Map<String, Object> store = database.row("select ACCESS_TOKEN_SEALED, ACCESS_TOKEN_EXPIRES_AT, REFRESH_TOKEN_SEALED,"
                + " REFRESH_TOKEN_EXPIRES_AT, SCOPE from SHOPIFY_CONNECTION where SHOP = ?", shop);
        JsonObject tokens = Json.createObjectBuilder()
                .add("accessToken", cipher.decrypt((String) store.get("access_token_sealed"), "shopify:" + shop + ":access"))
                .add("refreshToken", cipher.decrypt((String) store.get("refresh_token_sealed"), "shopify:" + shop + ":refresh"))
                .add("scope", (String) store.get("scope"))
                .add("expiresAt", instant(store.get("access_token_expires_at")).toString())
                .add("refreshTokenExpiresAt", instant(store.get("refresh_token_expires_at")).toString())
                .build();
        control(base, "POST", "sandbox/shopify/_control/oauth/shops/" + shop + "/tokens", tokens.toString());
        for (String page : pages) {
            String sealed = (String) database.row("select PAGE_TOKEN_SEALED from FACEBOOK_PAGE_CONNECTION where PAGE_ID = ?", page)
                    .get("page_token_sealed");
            JsonObject token = Json.createObjectBuilder().add("token", cipher.decrypt(sealed, "facebook:page:" + page))
                    .add("scopes", Json.createArrayBuilder().add("pages_show_list").add("pages_manage_metadata")
                            .add("pages_read_engagement").add("pages_messaging"))
                    .build();
            control(base, "POST", "sandbox/facebook/_control/pages/" + page + "/token", token.toString());
        }
    }

    /** The captured database, through JDBC; column labels in lower case whatever the database. */
    private final class Database {
        private final Supplier<Connection> connections;
        private final String name;

        Database(Supplier<Connection> connections, String name) {
            this.connections = connections;
            this.name = name;
        }

        /**
         * The capture's times moved by its age, as if release 0.1.0 had run until now: token
         * expiries (an access token, then its refresh token, would otherwise have lapsed) and the
         * next poll (due at once, it would race the test's own poll now).
         */
        void moveTimesToNow() throws SQLException {
            Duration age = Duration.between(Instant.parse(capture.getProperty("captured.at")), Instant.now());
            try (Connection c = connections.get()) {
                for (Map<String, Object> row : rows(c, "select ID, ACCESS_TOKEN_EXPIRES_AT, REFRESH_TOKEN_EXPIRES_AT from SHOPIFY_CONNECTION")) {
                    try (PreparedStatement update = c.prepareStatement(
                            "update SHOPIFY_CONNECTION set ACCESS_TOKEN_EXPIRES_AT = ?, REFRESH_TOKEN_EXPIRES_AT = ? where ID = ?")) {
                        update.setTimestamp(1, Timestamp.from(instant(row.get("access_token_expires_at")).plus(age)));
                        update.setTimestamp(2, Timestamp.from(instant(row.get("refresh_token_expires_at")).plus(age)));
                        update.setString(3, (String) row.get("id"));
                        update.executeUpdate();
                    }
                }
                try (PreparedStatement update = c.prepareStatement("update POLL_SLOT set NEXT_POLL_AT = NEXT_POLL_AT + ?")) {
                    update.setLong(1, age.toMillis());
                    update.executeUpdate();
                }
            }
        }

        /** Each connection's target and merchant. */
        Map<String, String> connections() throws SQLException {
            Map<String, String> targets = new HashMap<>();
            try (Connection c = connections.get()) {
                rows(c, "select SHOP as T, MERCHANT_ID as M from SHOPIFY_CONNECTION").forEach(r -> targets.put((String) r.get("t"), (String) r.get("m")));
                rows(c, "select PAGE_ID as T, MERCHANT_ID as M from FACEBOOK_PAGE_CONNECTION").forEach(r -> targets.put((String) r.get("t"), (String) r.get("m")));
            }
            return targets;
        }

        List<String> statuses() throws SQLException {
            List<String> statuses = new ArrayList<>();
            try (Connection c = connections.get()) {
                rows(c, "select STATUS as S from SHOPIFY_CONNECTION union all select STATUS as S from FACEBOOK_PAGE_CONNECTION")
                        .forEach(r -> statuses.add((String) r.get("s")));
            }
            return statuses;
        }

        /** The storage keys recorded in STORAGE_OBJECT (added in 0.3.0). */
        List<String> recordedKeys() throws SQLException {
            try (Connection c = connections.get()) {
                return rows(c, "select OBJECT_KEY as K from STORAGE_OBJECT").stream().map(r -> (String) r.get("k")).toList();
            }
        }

        Map<String, Object> row(String sql, Object... params) throws SQLException {
            try (Connection c = connections.get()) {
                List<Map<String, Object>> rows = rows(c, sql, params);
                assertThat(rows).as(sql).hasSize(1);
                return rows.get(0);
            }
        }

        private List<Map<String, Object>> rows(Connection c, String sql, Object... params) throws SQLException {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                            row.put(r.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), r.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            }
        }
    }

    private static Connection open(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.toInstant() : ((java.time.LocalDateTime) timestamp).toInstant(java.time.ZoneOffset.UTC);
    }

    private static JsonObject connection(URI base, String target) {
        HttpResponse<String> answer = admin(base, "GET", "/admin/api/connections");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getJsonArray("connections").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("target").equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("no connection " + target + " in " + answer.body()));
    }

    /** Synced since {@code since} (written or unchanged) and healthy, as the console lists it. */
    private static boolean polledSince(JsonObject connection, Instant since) {
        return "healthy".equals(connection.getString("status"))
                && List.of("written", "unchanged").contains(connection.getString("last_result", ""))
                && connection.get("last_attempt_at") instanceof jakarta.json.JsonString at
                && java.time.OffsetDateTime.parse(at.getString()).toInstant().isAfter(since);
    }

    private static HttpResponse<String> admin(URI base, String method, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Browser.resolve(base, path))
                .header("Authorization", AdminClient.basic(AdminClient.USER, AdminClient.PASSWORD)).header("Accept", "application/json");
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        return new Browser(base).send(request);
    }

    private static void control(URI base, String method, String path, String body) {
        HttpResponse<String> answer = new Browser(base).send(HttpRequest.newBuilder(Browser.resolve(base, path))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 204);
    }

    private static void await(BooleanSupplier condition, String what, MicroProcess server) {
        Await.await(condition, SYNCED_WITHIN, what + "; see " + server.log());
    }


    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
