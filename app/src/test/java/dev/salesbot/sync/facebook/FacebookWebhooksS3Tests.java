package dev.salesbot.sync.facebook;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.S3ProxyServer;
import dev.salesbot.sync.testing.SandboxFacebook;
import dev.salesbot.sync.testing.SpacesStandIn;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.salesbot.sync.facebook.FacebookWebhooksIT.PAGES;
import static dev.salesbot.sync.testing.Await.await;
import static dev.salesbot.sync.facebook.FacebookWebhooksIT.connectPages;
import static dev.salesbot.sync.facebook.FacebookWebhooksIT.connectStore;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's storage promises against a real S3-protocol server: a Page change is one PUT, a burst of 200 one or two.
 *
 * <p>Run in {@link dev.salesbot.sync.SpacesS3IT}'s server, with the other S3 tests.
 */
public interface FacebookWebhooksS3Tests {

    @Test
    default void aPageRenameReachesPageDataWithOnePut() throws Exception {
        dropLeftoverPageSyncs();
        SandboxFacebook.reset();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-s3-rename");
        connectPages(browser);
        String key = key(merchant, PAGES.get(0));
        int puts = server().putsOf(key);

        SandboxFacebook.editPage(PAGES.get(0), "name", "Renamed In Spaces");

        await(() -> object(key).orElse("").contains("Renamed In Spaces"), Duration.ofSeconds(15), "the rename is stored");
        Thread.sleep(3_000); // a second write would come within the next quiet window
        assertThat(server().putsOf(key)).isEqualTo(puts + 1);
    }

    @Test
    default void twoHundredChangesOfOnePageWithinFiveSecondsAreOneOrTwoPuts() throws Exception {
        dropLeftoverPageSyncs();
        SandboxFacebook.reset();
        SandboxFacebook.resetDeliveries();
        Browser browser = new Browser();
        UUID merchant = connectStore(browser, "fb-s3-burst");
        connectPages(browser);
        String key = key(merchant, PAGES.get(1));
        int puts = server().putsOf(key);
        long started = System.nanoTime();

        // 199 edits from four threads (as several people editing), then the last one alone, so it is the newest.
        java.util.concurrent.ExecutorService editors = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> edits = new java.util.ArrayList<>();
            for (int i = 1; i < 200; i++) {
                String phone = "+63 917 000 " + String.format("%04d", i);
                edits.add(editors.submit(() -> {
                    SandboxFacebook.editPage(PAGES.get(1), "phone", phone);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> edit : edits) {
                edit.get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            editors.shutdownNow();
        }
        SandboxFacebook.editPage(PAGES.get(1), "phone", "+63 917 000 0200");
        Duration edited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(edited).as("200 changes within 5 s").isLessThan(Duration.ofSeconds(5));
        await(() -> SandboxFacebook.deliveries().getJsonNumber("delivered").longValue() >= 200, Duration.ofSeconds(20), "200 notifications");
        await(() -> object(key).orElse("").contains("+63 917 000 0200"), Duration.ofSeconds(40), "the last change is stored");
        Thread.sleep(3_000);
        assertThat(server().putsOf(key) - puts).as("PUTs for 200 changes").isBetween(1, 2);
        assertThat(SandboxFacebook.deliveries().getJsonNumber("failures").longValue()).isZero();
    }

    /**
     * The S3 classes share one database: a class before this one (a storage outage, say) may leave
     * retries of these Pages pending, which would write them again for whichever merchant owns them
     * now and spoil the PUT counts here.
     */
    private static void dropLeftoverPageSyncs() {
        for (String page : PAGES) {
            Database.execute("delete from SYNC_REQUEST where TARGET = ? and STATE = 'PENDING'", page);
        }
    }

    private static String key(UUID merchant, String pageId) {
        return "users/" + merchant + "/facebook_messenger/" + pageId + "/page_data.json";
    }

    private static S3ProxyServer server() {
        return SpacesStandIn.server();
    }

    private static Optional<String> object(String key) {
        return server().text(key);
    }
}
