package dev.salesbot.sync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "poll now" command, {@code java tools/PollNow.java}, run against the test's server. */
public final class PollNowTool {

    private static final Pattern ENQUEUED = Pattern.compile("Poll now: (\\d+) connection\\(s\\) enqueued");

    private PollNowTool() {
    }

    /** Runs the tool (finding the one local server by itself) and answers how many connections it enqueued. */
    public static int run() {
        return run(List.of());
    }

    /** Runs the tool against the server with process id {@code pid} (several run on this machine). */
    public static int run(long pid) {
        return run(List.of(Long.toString(pid)));
    }

    private static int run(List<String> args) {
        Path tool = projectRoot().resolve("tools/PollNow.java");
        assertThat(tool).exists();
        try {
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    tool.toString()));
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tools/PollNow.java did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            Matcher matcher = ENQUEUED.matcher(output);
            assertThat(matcher.find()).as(output).isTrue();
            return Integer.parseInt(matcher.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("tools")) && Files.exists(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new IllegalStateException("no tools/ above " + dir);
    }
}
