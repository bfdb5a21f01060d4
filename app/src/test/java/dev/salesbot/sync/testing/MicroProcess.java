package dev.salesbot.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro started as a child process of the test, for tests that must stop and start
 * the server themselves (Arquillian owns its server for a whole class and cannot restart it).
 * Loopback only; {@link #close()} always ends the process and its children, within bounds.
 */
public final class MicroProcess implements AutoCloseable {

    static final Duration READY_WITHIN = Duration.ofSeconds(120);
    static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Duration readyWithin;

    private MicroProcess(Process process, URI base, Path log, Duration readyWithin) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.readyWithin = readyWithin;
    }

    /**
     * Starts {@code war} (deployed at the root) and the sandbox WAR beside it (at {@code /sandbox})
     * with {@code settings} as system properties, the default H2 pool on {@code database} and the
     * listener on 127.0.0.1:{@code port}; answers once {@code GET /} (and the sandbox's {@code GET /sandbox/_bench/ok}) answer 200. {@code workDir}
     * receives the generated files and the log.
     */
    public static MicroProcess start(String name, Path workDir, Path war, int port, Properties settings, Path database) {
        return start(name, workDir, war, Optional.of(sandboxWar()), port, settings, database);
    }

    /** The sandbox WAR the build made ({@code sandbox/target/sandbox.war}). */
    public static Path sandboxWar() {
        return Path.of(System.getProperty("it.sandbox.war", "../sandbox/target/sandbox.war"));
    }

    /** As {@link #start(String, Path, Path, int, Properties, Path)}, with the sandbox only when given. */
    public static MicroProcess start(String name, Path workDir, Path war, Optional<Path> sandbox, int port,
                                     Properties settings, Path database) {
        return start(name, workDir, war, sandbox, port, settings, new H2(database));
    }

    /** The database a started server's default datasource uses. */
    public sealed interface Pool permits H2, Postgres {
    }

    /** An H2 file (its path without {@code .mv.db}), shared with the test through AUTO_SERVER. */
    public record H2(Path file) implements Pool {
    }

    /**
     * A PostgreSQL database, configured exactly as the README's PostgreSQL run does:
     * {@code payara-config/postgresql.asadmin} before boot, the driver added with {@code --addlibs},
     * and the three {@code SALESBOT_DB_*} environment variables it reads.
     */
    public record Postgres(String url, String user, String password) implements Pool {
    }

    /** As {@link #start(String, Path, Path, Optional, int, Properties, Path)}, on {@code pool}. */
    public static MicroProcess start(String name, Path workDir, Path war, Optional<Path> sandbox, int port,
                                     Properties settings, Pool pool) {
        return start(name, workDir, war, sandbox, port, settings, pool, true);
    }

    /**
     * As {@link #start(String, Path, Path, Optional, int, Properties, Pool)}; with {@code ready}
     * false, answers once the server is up (its liveness answers) whether or not the application
     * is ready, for a test of a server that must refuse to become ready.
     */
    public static MicroProcess start(String name, Path workDir, Path war, Optional<Path> sandbox, int port,
                                     Properties settings, Pool pool, boolean ready) {
        try {
            Path dir = Files.createDirectories(workDir.resolve(name));
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            Path root = Files.copy(war, dir.resolve("ROOT.war"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path properties = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(properties)) {
                settings.store(out, "RestartIT " + name);
            }
            Path preBoot;
            List<String> libs = new ArrayList<>();
            Map<String, String> environment = new java.util.HashMap<>();
            if (pool instanceof Postgres postgres) {
                preBoot = projectFile("payara-config/postgresql.asadmin");
                libs.addAll(List.of("--addlibs", System.getProperty("it.postgresql.jar")));
                environment.putAll(Map.of("SALESBOT_DB_URL", postgres.url(), "SALESBOT_DB_USER", postgres.user(),
                        "SALESBOT_DB_PASSWORD", postgres.password(), "SALESBOT_HTTP_ADDRESS", "127.0.0.1",
                        "SALESBOT_HTTP_PORT", Integer.toString(port)));
            } else {
                // The run command's own pre-boot file, its database moved to the test's file.
                preBoot = Files.writeString(dir.resolve("pre-boot.asadmin"), Files.readString(projectFile("payara-config/pre-boot-commands.asadmin"))
                        .replace("jdbc:h2:./data/db/salesbot;", "jdbc:h2:" + ((H2) pool).file().toAbsolutePath() + ";"));
            }
            Path log = dir.resolve("server.log");
            List<String> command = new ArrayList<>(List.of(
                    // payara.micro.java: another JDK for the server (Payara 7 needs Java 21 or newer); this JVM's by default.
                    Path.of(System.getProperty("payara.micro.java", System.getProperty("java.home")), "bin", "java").toString(),
                    // C1 only, as arquillian.xml: a test server lives a minute or two.
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dhazelcast.phone.home.enabled=false", "-Dh2.bindAddress=127.0.0.1",
                    // Boot services one at a time, as the run command does (app/pom.xml: the parallel boot can deadlock).
                    "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS",
                    "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
            // payara.micro.jvm.options: more JVM options, after these (a benchmark's full JIT, a flight recording).
            String more = System.getProperty("payara.micro.jvm.options", "").strip();
            if (!more.isEmpty()) {
                command.addAll(List.of(more.split("\\s+")));
            }
            command.addAll(List.of("-jar", System.getProperty("payara.micro.jar")));
            if (sandbox.isPresent()) {
                // The sandbox first: Payara Micro deploys in the given order, and a server that finds
                // pending syncs at start (RestartIT) must not call a sandbox that is not there yet:
                // its 404 is Shopify's "no store at this address", which ends a sync at once.
                Path copy = Files.copy(sandbox.get(), dir.resolve("sandbox.war"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                command.addAll(List.of("--deploy", copy.toAbsolutePath().toString()));
            }
            command.addAll(List.of("--deploy", root.toAbsolutePath().toString()));
            command.addAll(List.of(
                    "--nocluster", "--disablephonehome",
                    "--port", Integer.toString(port),
                    "--systemProperties", properties.toAbsolutePath().toString(),
                    "--prebootcommandfile", preBoot.toAbsolutePath().toString()));
            command.addAll(libs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return launch(name, builder, port, log, sandbox.isPresent(), ready, READY_WITHIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the process {@code builder} describes (its output redirected to {@code log}) and waits
     * until it is ready (or decided), at most {@code readyWithin}; stops it if not, its threads
     * dumped. A server that never opened its port in that time is started once more, saying so: it
     * is stuck in its own boot, not in the application (docs/testing.md); the first log is kept
     * beside the second.
     */
    static MicroProcess launch(String name, ProcessBuilder builder, int port, Path log, boolean sandbox, boolean ready,
                               Duration readyWithin) throws IOException {
        try {
            return launchOnce(builder, port, log, sandbox, ready, readyWithin);
        } catch (NeverListened hung) {
            Path first = Files.move(log, log.resolveSibling("server-hung.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.err.println("Payara Micro " + name + " never opened port " + port + " within " + readyWithin.toSeconds()
                    + " s (log " + first + ", thread dump " + hung.dump() + "): starting it once more");
            return launchOnce(builder, port, log, sandbox, ready, readyWithin);
        }
    }

    private static MicroProcess launchOnce(ProcessBuilder builder, int port, Path log, boolean sandbox, boolean ready,
                                           Duration readyWithin) throws IOException {
        MicroProcess micro = new MicroProcess(builder.start(), URI.create("http://127.0.0.1:" + port + "/"), log, readyWithin);
        try {
            if (sandbox) {
                micro.awaitReady(micro.base.resolve("sandbox/_bench/ok"));
            }
            if (ready) {
                micro.awaitReady(micro.base);
            } else {
                micro.awaitStartupDecided();
            }
        } catch (RuntimeException | Error e) {
            micro.close();
            throw e;
        }
        return micro;
    }

    /** A port nobody listens on now (the server binds it a few seconds later; a clash fails the start loudly). */
    public static int freePort() {
        // Never the Arquillian server's or S3Proxy's reserved ports, free between two classes of the
        // other lane (ItLanes): a server of ours there would keep that lane's next server from starting.
        // (Outside the ITs, in the benchmarks, neither is set: Set.of would refuse the two empty strings.)
        java.util.Set<String> reserved = new java.util.HashSet<>(java.util.List.of(System.getProperty("it.http.port", ""),
                System.getProperty("it.s3.port", "")));
        for (int tries = 0; ; tries++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (tries < 10 && reserved.contains(Integer.toString(socket.getLocalPort()))) {
                    continue;
                }
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A file of the project (the directory above {@code app/}). */
    static Path projectFile(String path) {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(path))) {
                return d.resolve(path);
            }
        }
        throw new IllegalStateException("no " + path + " above " + System.getProperty("user.dir"));
    }

    /** The server's process: its pid for JMX, and {@link #kill()}. */
    public Process process() {
        return process;
    }

    /** Ends the server as a crash would: SIGKILL, no shutdown hook, no lease given back. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Payara Micro (pid " + process.pid() + ") survived SIGKILL for " + EXIT_WITHIN.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI base() {
        return base;
    }

    public Path log() {
        return log;
    }

    /** Until readiness shows the application's start-up checks decided: passed, or refusing with a reason. */
    private void awaitStartupDecided() {
        awaitUntil("its start-up checks decided", client -> {
            String body = client.send(HttpRequest.newBuilder(base.resolve("health/ready")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return (body.contains("\"name\":\"startup\",\"status\":\"UP\"") || body.contains("\"reason\"")) && applicationAnswers(client);
        });
    }

    /**
     * Whether the application itself answers, ready or refusing (its 503 is problem+json): Payara
     * serves MicroProfile Health before it has finished loading the application, and meanwhile
     * answers the application's paths with an HTML 503 of its own.
     */
    private boolean applicationAnswers(HttpClient client) throws IOException, InterruptedException {
        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(base.resolve("admin/api/summary")).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return answer.statusCode() != 503
                || answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private void awaitReady(URI address) {
        awaitUntil(address.getPath() + " answering 200", client -> client.send(
                HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200);
    }

    /** A question put to the starting server; an IOException means it is not listening yet. */
    private interface Probe {
        boolean holds(HttpClient client) throws IOException, InterruptedException;
    }

    /**
     * Asks {@code probe} every 500 ms until it holds, for at most {@code readyWithin}; fails at once
     * if the server exits. A server not ready in time has its threads dumped beside its log first;
     * one that never even opened its port fails with {@link NeverListened}.
     */
    private void awaitUntil(String what, Probe probe) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + readyWithin.toNanos();
        boolean listened = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + " before " + what + "; see " + log);
            }
            try {
                boolean holds = probe.holds(client);
                listened = true;
                if (holds) {
                    return;
                }
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                listened = true; // it accepted the connection: the answer was slow or cut
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        Path dump = threadDump();
        String message = "Payara Micro: not " + what + " within " + readyWithin.toSeconds() + " s; see " + log + " and the thread dump " + dump;
        throw listened ? new IllegalStateException(message) : new NeverListened(message, dump);
    }

    /** A server that never accepted a connection on its port: it hung in its own boot. */
    static final class NeverListened extends IllegalStateException {

        private final transient Path dump;

        NeverListened(String message, Path dump) {
            super(message);
            this.dump = dump;
        }

        Path dump() {
            return dump;
        }
    }

    /**
     * The server's threads, as {@code jcmd <pid> Thread.print} (of the server's own JDK) prints them,
     * into {@code threads-<pid>.txt} beside its log; the file says why if the dump failed.
     */
    private Path threadDump() {
        Path file = log.resolveSibling("threads-" + process.pid() + ".txt");
        Path jcmd = Path.of(System.getProperty("payara.micro.java", System.getProperty("java.home")), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!dump.waitFor(30, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
                Files.writeString(file, "\n(jcmd did not finish within 30 s)\n", java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            try {
                Files.writeString(file, "no thread dump: " + e + "\n");
            } catch (IOException ignored) {
                // the message names the file; its absence says the same
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return file;
    }

    /**
     * Stops the server as an orchestrator would (SIGTERM, so shutdown hooks run), then forcibly
     * if it lingers, its children too: no JVM outlives the test.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        if (process.isAlive()) {
            throw new IllegalStateException("Payara Micro (pid " + process.pid() + ") did not exit within " + EXIT_WITHIN.multipliedBy(2).toSeconds() + " s");
        }
    }

    /** The settings of a server on {@code port}: {@code template}'s, every loopback URL moved to that port, plus {@code overrides}. */
    public static Properties settings(Properties template, String templatePort, int port, Map<String, String> overrides) {
        Properties settings = new Properties();
        template.stringPropertyNames().forEach(key -> settings.setProperty(key,
                template.getProperty(key).replace("127.0.0.1:" + templatePort + "/", "127.0.0.1:" + port + "/")));
        overrides.forEach(settings::setProperty);
        return settings;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
