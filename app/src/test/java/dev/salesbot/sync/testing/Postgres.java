package dev.salesbot.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for the cluster test, started by {@code .ci/postgres.sh} from Debian's
 * {@code postgresql} package (which {@code .ci/run} installs): a fresh data directory, 127.0.0.1
 * and a free port only, a random password; {@link #close()} stops it. Without the package the
 * start fails, naming it.
 */
public final class Postgres implements AutoCloseable {

    private final Path dir;
    private final String url;
    private final String password;

    private Postgres(Path dir, String url, String password) {
        this.dir = dir;
        this.url = url;
        this.password = password;
    }

    public static Postgres start() {
        try {
            // Outside target/: run as root, the server is the postgres user, who must reach its directory.
            Path parent = Files.createTempDirectory("salesbot-it-pg", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path dir = parent.resolve("pg");
            String password = UUID.randomUUID().toString();
            String output = script("start", dir.toString(), Integer.toString(MicroProcess.freePort()), password);
            // The URL is the script's last line; anything before it is what PostgreSQL's tools said.
            String url = output.lines().filter(line -> line.startsWith("jdbc:postgresql://127.0.0.1:")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(".ci/postgres.sh start printed no URL: " + output));
            Postgres postgres = new Postgres(dir, url, password);
            // A test JVM stopped early (timeout, Ctrl-C) still stops its database.
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stopQuietly, "stop PostgreSQL"));
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MicroProcess.Postgres pool() {
        return new MicroProcess.Postgres(url, "salesbot", password);
    }

    public String url() {
        return url;
    }

    /** The rows {@code sql} selects, each as column label (PostgreSQL's: lower case) → value. */
    public List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection(url, "salesbot", password)) {
            return Database.rows(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** The database as SQL ({@code pg_dump}: INSERT statements, no owners or privileges), which JDBC can run back. */
    public String dump() {
        return script("dump", Integer.toString(URI.create(url.substring("jdbc:".length())).getPort()), password);
    }

    /** Runs {@code sql} (several statements) on the database. */
    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, "salesbot", password); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        script("stop", dir.toString());
        stopped = true;
        Dirs.deleteTree(dir.getParent());
    }

    private boolean stopped;

    private void stopQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    private static String script(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", MicroProcess.projectFile(".ci/postgres.sh").toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(".ci/postgres.sh " + args[0] + " did not finish within 120 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(".ci/postgres.sh " + args[0] + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
