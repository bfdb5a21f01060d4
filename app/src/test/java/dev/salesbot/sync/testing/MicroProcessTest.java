package dev.salesbot.sync.testing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MicroProcess#launch}'s answer to a server that hangs in its boot, with a small JVM of this
 * class standing in for Payara Micro ({@link FakeServer}): a server that never opens its port is
 * dumped and started once more; one that opens its port but is never ready fails at once, dumped.
 */
class MicroProcessTest {

    private static final Duration READY_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aServerThatNeverOpenedItsPortIsDumpedThenStartedOnceMore() throws Exception {
        int port = MicroProcess.freePort();
        Path log = dir.resolve("server.log");
        try (MicroProcess server = MicroProcess.launch("hangs-once", fake(port, "hang-once", log), port, log, false, true, READY_WITHIN)) {
            assertThat(server.process().isAlive()).isTrue();
            assertThat(Files.readString(log)).contains("serving on " + port);
        }
        assertThat(Files.readString(dir.resolve("server-hung.log"))).contains("hanging").doesNotContain("serving");
        try (var files = Files.list(dir)) {
            Path dump = files.filter(f -> f.getFileName().toString().startsWith("threads-")).findFirst().orElseThrow();
            assertThat(Files.readString(dump)).contains("Full thread dump").contains("FakeServer.main");
        }
    }

    @Test
    void aServerThatNeverOpensItsPortFailsOnItsSecondStart() throws Exception {
        int port = MicroProcess.freePort();
        Path log = dir.resolve("server.log");
        assertThatThrownBy(() -> MicroProcess.launch("hangs", fake(port, "hang", log), port, log, false, true, READY_WITHIN))
                .isInstanceOf(MicroProcess.NeverListened.class)
                .hasMessageContaining("not / answering 200 within 5 s");
        assertThat(Files.readString(dir.resolve("server-hung.log"))).contains("hanging");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("threads-"))).hasSize(2);
        }
    }

    @Test
    void aServerThatListensButIsNeverReadyFailsAtOnce() throws Exception {
        int port = MicroProcess.freePort();
        Path log = dir.resolve("server.log");
        long started = System.nanoTime();
        assertThatThrownBy(() -> MicroProcess.launch("never-ready", fake(port, "unready", log), port, log, false, true, READY_WITHIN))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not / answering 200 within 5 s").hasMessageContaining("thread dump");
        // One start, not two: no first log set aside.
        assertThat(dir.resolve("server-hung.log")).doesNotExist();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READY_WITHIN.multipliedBy(2).plusSeconds(25));
    }

    /** A {@link FakeServer} on {@code port}, its output to {@code log}, its state in a marker file beside it. */
    private ProcessBuilder fake(int port, String mode, Path log) throws URISyntaxException {
        Path classes = Path.of(MicroProcessTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", classes.toString(), FakeServer.class.getName(), Integer.toString(port), mode, dir.resolve("started-once").toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /**
     * Stands in for a server: {@code hang} never opens its port (60 s, then exits); {@code hang-once}
     * hangs like that on its first start only (a marker file remembers), then answers {@code GET /}
     * 200; {@code unready} opens its port and answers 503, never ready.
     */
    static final class FakeServer {

        public static void main(String[] args) throws IOException, InterruptedException {
            int port = Integer.parseInt(args[0]);
            String mode = args[1];
            Path marker = Path.of(args[2]);
            if (mode.equals("hang") || mode.equals("hang-once") && !Files.exists(marker)) {
                Files.writeString(marker, "started");
                System.out.println("hanging");
                System.out.flush();
                Thread.sleep(60_000);
                return;
            }
            int status = mode.equals("unready") ? 503 : 200;
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            System.out.println("serving on " + port);
            System.out.flush();
            Thread.sleep(60_000);
            server.stop(0);
        }
    }
}
