package dev.salesbot.sync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, read from Linux's {@code /proc} (its file descriptors and
 * the kernel's socket tables), so a test can prove a server opens no listener beyond those the
 * operator chose. Linux only, as the test machines are.
 */
public final class Listeners {

    private Listeners() {
    }

    /** Every address and port {@code process} listens on, IPv4 and IPv6. */
    public static List<InetSocketAddress> of(ProcessHandle process) {
        Map<String, InetSocketAddress> listening = new HashMap<>();
        read(Path.of("/proc/net/tcp"), listening);
        read(Path.of("/proc/net/tcp6"), listening);
        List<InetSocketAddress> found = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(process.pid()), "fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (target.startsWith("socket:[")) {
                    InetSocketAddress address = listening.get(target.substring(8, target.length() - 1));
                    if (address != null) {
                        found.add(address);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Rows in state 0A (LISTEN): inode → local address. */
    private static void read(Path table, Map<String, InetSocketAddress> listening) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table);
        } catch (IOException e) {
            return; // no IPv6 on this machine
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[3].equals("0A")) {
                String[] local = f[1].split(":");
                listening.put(f[9], new InetSocketAddress(address(local[0]), Integer.parseInt(local[1], 16)));
            }
        }
    }

    /** The kernel's hex address: 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
