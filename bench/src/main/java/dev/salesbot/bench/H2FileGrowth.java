package dev.salesbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

/**
 * How the embedded H2's file grows under webhook batches, and whether it shrinks again
 * ({@code bench/h2-growth.sh}; issue 26). An H2 file of its own (the server's tables in small:
 * deliveries with their two indexes, sync requests), batches of two deliveries and one request,
 * each committed and made durable as the server does it — {@code checkpoint}: H2's default
 * {@code WRITE_DELAY} and a {@code CHECKPOINT} after each batch ({@code webhooks.control.Durability}),
 * or {@code wd0}: {@code WRITE_DELAY=0} in the URL — for {@code seconds} at most 400 batches a
 * second, then idle for 90 s, then closed; the file's size every 5 s.
 */
public final class H2FileGrowth {

    private H2FileGrowth() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "checkpoint";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (!mode.equals("checkpoint") && !mode.equals("wd0") || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("usage: checkpoint|wd0 [seconds, 1..600]");
        }
        Path dir = Files.createTempDirectory("salesbot-h2-growth");
        Path file = dir.resolve("db.mv.db");
        String url = "jdbc:h2:" + dir.resolve("db") + (mode.equals("wd0") ? ";WRITE_DELAY=0" : "");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE D (ID VARCHAR(120) PRIMARY KEY, PLATFORM VARCHAR(20), SOURCE VARCHAR(255), TOPIC VARCHAR(100), RECEIVED_AT TIMESTAMP)");
            s.execute("CREATE INDEX D_SOURCE ON D(SOURCE, RECEIVED_AT)");
            s.execute("CREATE TABLE R (ID VARCHAR(36) PRIMARY KEY, KIND VARCHAR(40), TARGET VARCHAR(255), PAYLOAD VARCHAR(20000), NOT_BEFORE TIMESTAMP)");
            c.setAutoCommit(false);
            PreparedStatement delivery = c.prepareStatement("INSERT INTO D VALUES (?, 'shopify', 'bench.myshopify.com', 'products/update', CURRENT_TIMESTAMP)");
            PreparedStatement request = c.prepareStatement("INSERT INTO R VALUES (?, 'SHOPIFY_CHANGES', 'bench.myshopify.com', ?, CURRENT_TIMESTAMP)");
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long batches = 0;
            long nextPrint = start + 5_000_000_000L;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 2; i++) {
                    delivery.setString(1, "shopify:" + UUID.randomUUID());
                    delivery.addBatch();
                }
                delivery.executeBatch();
                request.setString(1, UUID.randomUUID().toString());
                request.setString(2, "gid://shopify/Product/" + batches);
                request.executeUpdate();
                c.commit();
                if (mode.equals("checkpoint")) {
                    s.execute("CHECKPOINT");
                }
                batches++;
                long due = start + batches * 2_500_000L; // at most 400 batches a second
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                if (System.nanoTime() >= nextPrint) {
                    nextPrint += 5_000_000_000L;
                    System.out.printf("%-10s load %3d s: %,7d batches, file %,6d MB%n", mode, (System.nanoTime() - start) / 1_000_000_000L,
                            batches, Files.size(file) >> 20);
                }
            }
            c.setAutoCommit(true);
            for (int i = 1; i <= 18; i++) {
                Thread.sleep(5000);
                System.out.printf("%-10s idle %3d s: file %,6d MB%n", mode, i * 5, Files.size(file) >> 20);
            }
        }
        System.out.printf("%-10s closed: file %,d MB%n", mode, Files.size(file) >> 20);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
