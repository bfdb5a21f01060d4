package dev.salesbot.sync.upgrade;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.MicroProcess;
import dev.salesbot.sync.testing.Postgres;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SandboxShopify;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Captures a database as a release leaves it, for {@code UpgradeIT}: runs the release's WARs
 * (product and sandbox) on Payara Micro, connects one store and the sandbox user's Pages through the
 * browser flows, stops the server, and writes the database as SQL: H2's {@code SCRIPT}, and
 * {@code pg_dump} of a PostgreSQL the release ran on. Run by {@code app/src/test/upgrade/capture.sh},
 * which builds the release from its tag; the test itself needs neither git nor the release.
 *
 * <p>usage: ReleaseCapture RELEASE_WAR RELEASE_SANDBOX_WAR RELEASE_LOCAL_PROPERTIES OUT_DIR
 */
public final class ReleaseCapture {

    static final String SHOP = "upgrade-outfitters";

    private ReleaseCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path war = Path.of(args[0]);
        Path sandbox = Path.of(args[1]);
        Path localProperties = Path.of(args[2]);
        Path out = Files.createDirectories(Path.of(args[3]));
        Path work = Files.createTempDirectory("salesbot-capture");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String encryptionKey = Base64.getEncoder().encodeToString(key);

        Properties captured = new Properties();
        captured.setProperty("captured.at", Instant.now().toString());
        captured.setProperty("shop", SHOP + ".myshopify.com");
        // A key made for this capture only: it seals the captured test tokens and nothing else.
        captured.setProperty("TOKEN_ENCRYPTION_KEY", encryptionKey);

        Path h2 = work.resolve("h2/salesbot");
        run("h2", war, sandbox, localProperties, work, encryptionKey, new MicroProcess.H2(h2), captured);
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + h2.toAbsolutePath(), "", "");
             Statement s = c.createStatement()) {
            s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + out.resolve("h2.sql").toAbsolutePath() + "'");
        }
        try (Postgres postgres = Postgres.start()) {
            run("postgresql", war, sandbox, localProperties, work, encryptionKey, postgres.pool(), captured);
            Files.writeString(out.resolve("postgresql.sql"), postgres.dump());
        }
        try (var writer = Files.newBufferedWriter(out.resolve("capture.properties"))) {
            captured.store(writer, "What ReleaseCapture connected (the key is this capture's own, for tests only)");
        }
        System.out.println("Captured into " + out);
    }

    private static void run(String name, Path war, Path sandbox, Path localProperties, Path work, String encryptionKey,
                            MicroProcess.Pool pool, Properties captured) throws IOException {
        int port = MicroProcess.freePort();
        System.setProperty("it.http.port", Integer.toString(port));
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(localProperties)) {
            settings.load(in);
        }
        settings.replaceAll((k, v) -> v.toString().replace("http://localhost:8080/", "http://127.0.0.1:" + port + "/"));
        settings.setProperty("DATA_DIR", work.resolve(name + "-data").toAbsolutePath().toString());
        settings.setProperty("TOKEN_ENCRYPTION_KEY", encryptionKey);
        try (MicroProcess server = MicroProcess.start(name, work, war, Optional.of(sandbox), port, settings, pool)) {
            URI base = server.base();
            Browser browser = new Browser(base);
            HttpResponse<String> store = browser.get(SandboxShopify.installUntilCallback(browser, SHOP).toString(), Browser.JSON);
            require(store, "the store's connect");
            JsonObject storeAnswer = Json.createReader(new StringReader(store.body())).readObject();
            require(storeAnswer.getJsonObject("upload_status").getString("status").equals("success"), "the store's first sync", store);
            HttpResponse<String> pages = browser.get(SandboxFacebook.dialogUntilCallback(browser, SandboxFacebook.Choice.allowAll()).toString(),
                    Browser.JSON);
            require(pages, "the Pages' connect");
            JsonObject pagesAnswer = Json.createReader(new StringReader(pages.body())).readObject();
            List<String> ids = pagesAnswer.getJsonObject("pages").getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getString("id")).toList();
            captured.setProperty(name + ".merchant", storeAnswer.getString("user_uuid"));
            captured.setProperty(name + ".pages", String.join(",", ids));
        }
    }

    private static void require(HttpResponse<String> answer, String what) {
        require(answer.statusCode() == 200, what, answer);
    }

    private static void require(boolean ok, String what, HttpResponse<String> answer) {
        if (!ok) {
            throw new IllegalStateException(what + " failed: " + answer.statusCode() + " " + answer.body());
        }
    }
}
