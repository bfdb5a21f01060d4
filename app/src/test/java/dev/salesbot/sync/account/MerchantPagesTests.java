package dev.salesbot.sync.account;

import dev.salesbot.sync.testing.Browser;
import dev.salesbot.sync.testing.Chromium;
import dev.salesbot.sync.testing.Database;
import dev.salesbot.sync.testing.SandboxAdmin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.salesbot.sync.testing.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the merchant's pages in a real Chromium, by clicks and typing, on the README's embedded
 * defaults (local storage, H2, the sandbox): start page, Shopify's install, the result pages, the
 * Facebook dialog, "My connections", disconnect and delete — and the pages' security headers,
 * accessibility (axe-core: no serious or critical violation) and errors. Screenshots of every
 * step go to {@code target/screenshots/merchant-*.png}.
 *
 * <p>Its tests run in {@code AdminConsoleIT}'s server (which implements this interface): one server
 * start less, since both need the same deployment on the embedded defaults.
 */
public interface MerchantPagesTests {

    Duration SYNCED = Duration.ofSeconds(60);

    @Test
    default void aMerchantConnectsEverythingByClicksThenDisconnectsAndDeletes() throws Exception {
        List<String> a11y = new ArrayList<>();
        try (Chromium chrome = Chromium.start()) {
            chrome.open("/");
            checkPage(chrome, "merchant-1-start", a11y);
            assertThat(chrome.text("ol.steps li.current")).contains("Connect your Shopify store");
            // Pasted from the browser's address bar while in the Shopify admin.
            chrome.type("shop", "https://admin.shopify.com/store/clicks-boutique/products?selectedView=all");
            chrome.click("#connect");

            chrome.waitFor("#install");
            assertThat(chrome.text("#shop")).isEqualTo("clicks-boutique.myshopify.com");
            chrome.screenshot("merchant-2-shopify-install");
            chrome.click("#install");

            chrome.waitFor("#live");
            chrome.waitForText("#live .js-state", "Up to date", SYNCED);
            checkPage(chrome, "merchant-3-store-connected", a11y);
            assertThat(chrome.text("[data-count=products]")).isEqualTo("36");
            assertThat(chrome.text("#live .js-last-update")).endsWith("UTC");
            assertThat(chrome.text("#webhook-test")).contains("Working: changes in your store reach the bot within seconds", "success");
            assertThat(chrome.text("#polling-test")).contains("Working: we read", "36 products", "success");
            assertThat(chrome.text("#upload-status")).containsAnyOf("Written: 36 products", "Done: the bot's copy is written");
            assertThat(chrome.text("ol.steps li.current")).contains("Connect your Facebook Pages");

            chrome.click("#connect-facebook");
            chrome.waitFor("button[value=allow]");
            chrome.click("input[name=page]"); // the merchant leaves their first Page out
            chrome.screenshot("merchant-4-facebook-dialog");
            chrome.click("button[value=allow]");

            chrome.waitFor("#live");
            await(() -> !chrome.text("#live").contains("Updating"), SYNCED, "the Pages' first syncs shown done");
            checkPage(chrome, "merchant-5-pages-connected", a11y);
            assertThat(chrome.text("#live")).contains("Facebook Page", "Up to date").doesNotContain("Updating");
            assertThat(chrome.text("#webhook-test")).contains("Working", "success");
            long pages = Database.count("select count(*) from FACEBOOK_PAGE_CONNECTION where PAGE_TOKEN_SEALED is not null "
                    + "and MERCHANT_ID = (select MERCHANT_ID from SHOPIFY_CONNECTION where SHOP = ?)", "clicks-boutique.myshopify.com");
            assertThat(pages).as("the two Pages chosen").isEqualTo(2);

            chrome.click("#my-connections");
            chrome.waitFor(".connection");
            String storeBox = "section[data-target='clicks-boutique.myshopify.com']";
            String before = chrome.text(storeBox + " .js-last-update");
            checkPage(chrome, "merchant-6-my-connections", a11y);

            // The merchant renames a product in (the sandbox's) Shopify admin.
            chrome.open("/sandbox/shopify/clicks-boutique.myshopify.com/admin/products");
            chrome.type("title-0", "Renamed by the merchant");
            chrome.click("#save-0");
            chrome.waitFor(".saved");
            chrome.screenshot("merchant-7-product-edited");
            await(() -> {
                chrome.open("/connections");
                return !before.equals(chrome.text(storeBox + " .js-last-update"))
                        && chrome.text(storeBox + " .js-state").equals("Up to date");
            }, SYNCED, "My connections shows the store's new update time");
            chrome.screenshot("merchant-8-updated");

            String id = (String) Database.row("select ID from SHOPIFY_CONNECTION where SHOP = ?", "clicks-boutique.myshopify.com").get("ID");
            chrome.click("#disconnect-" + id);
            chrome.waitFor("#flash");
            assertThat(chrome.text("#flash")).contains("Disconnected");
            assertThat(chrome.text(storeBox + " .js-state")).isEqualTo("Disconnected");
            assertThat(chrome.displayed("#reconnect-" + id)).isTrue();
            checkPage(chrome, "merchant-9-disconnected", a11y);
            Map<String, Object> row = Database.row("select STATUS, ACCESS_TOKEN_SEALED, REFRESH_TOKEN_SEALED from SHOPIFY_CONNECTION "
                    + "where SHOP = ?", "clicks-boutique.myshopify.com");
            assertThat(row.get("STATUS")).isEqualTo("DISCONNECTED");
            assertThat(row.get("ACCESS_TOKEN_SEALED")).as("tokens gone").isNull();
            assertThat(row.get("REFRESH_TOKEN_SEALED")).isNull();
            assertThat(SandboxAdmin.webhooks("clicks-boutique")).as("subscriptions removed").isEmpty();

            chrome.click("#delete-" + id);
            chrome.waitFor("#confirm-delete");
            checkPage(chrome, "merchant-10-confirm-delete", a11y);
            chrome.click("#confirm-delete");
            chrome.waitFor("#flash");
            assertThat(chrome.text("#flash")).contains("is being deleted");
            await(() -> Database.connectionsOf("clicks-boutique.myshopify.com") == 0, SYNCED, "the store's connection deleted");
            assertThat(chrome.consoleErrors()).isEmpty();
        }
        assertThat(a11y).as("serious or critical axe-core violations").isEmpty();
    }

    /**
     * Issue 25, item 5: the page tells one story. The checks that wait for the first sync follow it
     * as the state does, so once the page says "Up to date" no check on it is still pending.
     */
    @Test
    default void aLargeStoreShowsItsProgressUntilItsCopyIsWritten() throws Exception {
        // 150 products at 15 a page; a bucket that never throttles (10,000 points, 5,000 a second) and
        // every Admin call 400 ms slower: webhook registration alone (a read and 15 creates, 6.4 s)
        // outlasts the page's 3 s wait and its live read, and the ten pages come after it.
        SandboxAdmin.seed("big-progress", 150, 10_000, 5_000);
        SandboxAdmin.latency("big-progress", 400);
        try (Chromium chrome = Chromium.start()) {
            chrome.open("/");
            installByClicks(chrome, "big-progress");
            assertThat(chrome.text("#live .js-state")).isEqualTo("Updating");
            assertThat(chrome.text("#live-note")).contains("follows the progress by itself");
            assertThat(chrome.text("#webhook-test")).contains("Not checked yet", "(webhook_test: pending)");
            assertThat(chrome.text("#upload-status")).contains("(upload_status: pending)");
            await(() -> chrome.displayed("#live progress"), SYNCED, "the progress bar shown");
            assertThat(chrome.attribute("#live progress", "max")).isEqualTo("150");
            assertThat(chrome.text("#live .js-progress-text")).matches("\\d+ of 150 products fetched");
            chrome.screenshot("merchant-progress-1-running");
            chrome.waitForText("#live .js-state", "Up to date", Duration.ofSeconds(120));
            assertThat(chrome.displayed("dd[data-pending]")).as("no check still pending once Up to date").isFalse();
            for (String check : List.of("#upload-status", "#webhook-test", "#polling-test")) {
                assertThat(chrome.text(check)).as(check).doesNotContain("pending");
            }
            assertThat(chrome.text("#webhook-test"))
                    .contains("Working: changes in your store reach the bot within seconds", "(webhook_test: success)");
            assertThat(chrome.attribute("#webhook-test", "class")).isEqualTo("ok");
            assertThat(chrome.text("[data-count=products]")).isEqualTo("150");
            assertThat(chrome.displayed("#live progress")).as("the bar goes when done").isFalse();
            assertThat(chrome.text("#live-note")).contains("Done");
            assertThat(chrome.text("#upload-status")).contains("Done: the bot's copy is written", "(upload_status: success)");
            chrome.screenshot("merchant-progress-2-done");
            assertThat(chrome.consoleErrors()).isEmpty();
        } finally {
            SandboxAdmin.latency("big-progress", 0);
        }
    }

    @Test
    default void wrongStoreNamesAndADeniedFacebookGrantSayWhatToDo() throws Exception {
        List<String> a11y = new ArrayList<>();
        try (Chromium chrome = Chromium.start()) {
            chrome.open("/");
            chrome.type("shop", "my shop!");
            chrome.press(Keys.ENTER); // by keyboard
            chrome.waitFor("#shop-error");
            assertThat(chrome.text("#shop-error")).contains("only letters, digits and hyphens");
            assertThat(chrome.attribute("#shop", "aria-invalid")).isEqualTo("true");
            assertThat(chrome.attribute("#shop", "value")).isEqualTo("my shop!");
            checkPage(chrome, "merchant-error-1-bad-name", a11y);
            chrome.press(Keys.TAB);
            assertThat(chrome.focusedId()).as("Tab leads from the field to the button").isEqualTo("connect");

            chrome.type("shop", "www.denied-boutique.com");
            chrome.click("#connect");
            chrome.waitForText("#shop-error", "own web address", Duration.ofSeconds(10));

            chrome.type("shop", "no-such-store");
            chrome.click("#connect");
            chrome.waitFor("#problem-reference");
            assertThat(chrome.text("h1")).isEqualTo("Not found");
            assertThat(chrome.text("#problem-detail")).contains("Shopify has no store at no-such-store.myshopify.com");
            assertThat(chrome.text("#what-to-do")).contains("Check your store's name");
            assertThat(chrome.text("#problem-reference")).startsWith("urn:uuid:");
            checkPage(chrome, "merchant-error-2-no-such-store", a11y);
            chrome.click("#problem-link");

            chrome.waitFor("#shop");
            installByClicks(chrome, "denied-boutique.myshopify.com");
            chrome.waitFor("#connect-facebook");
            chrome.click("#connect-facebook");
            chrome.waitFor("button[value=deny]");
            chrome.click("button[value=deny]");
            chrome.waitFor("#problem-reference");
            assertThat(chrome.text("#problem-detail")).contains("the permissions were denied");
            assertThat(chrome.text("#what-to-do")).contains("keep every permission switched on");
            assertThat(chrome.attribute("#problem-link", "href")).endsWith("/facebook/login");
            checkPage(chrome, "merchant-error-3-facebook-denied", a11y);
            // Chromium notes each error page's own status (400, 403, 404) in the console: those are the
            // answers this test asked for. Nothing else may be there (no script error, no CSP refusal).
            assertThat(chrome.consoleErrors()).filteredOn(e -> !e.matches(
                    "\\S+/(shopify/connect|facebook/callback)\\?\\S* - Failed to load resource: the server responded with a status of 40[034] .*"))
                    .isEmpty();
        }
        assertThat(a11y).as("serious or critical axe-core violations").isEmpty();
    }

    @Test
    default void everyPageCarriesTheSecurityHeadersAndNoInlineScriptOrStyle() {
        Browser browser = new Browser();
        HttpResponse<String> start = browser.get("/", Browser.HTML);
        List<HttpResponse<String>> answers = List.of(start, browser.get("/connections", Browser.HTML),
                browser.get("/connections/status", Browser.JSON), browser.get("/assets/app.css", "text/css"),
                browser.get("/shopify/connect?shop=" + Browser.enc("bad name"), Browser.HTML),
                browser.get("/admin/login", Browser.HTML), browser.get("/no-such-page", Browser.HTML));
        for (HttpResponse<String> answer : answers) {
            String where = answer.request().uri().getPath();
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(where).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                    "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'").doesNotContain("unsafe");
            assertThat(answer.headers().firstValue("Referrer-Policy")).as(where).contains("no-referrer");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(where).contains("nosniff");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("not over plain http: " + where).isEmpty();
            if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                assertThat(answer.body()).as(where).doesNotContain("<style", " style=", "onclick", "onload", "javascript:")
                        .doesNotContainPattern("<script(?![^>]*\\ssrc=)");
                assertThat(answer.body()).as(where).contains("<html lang=\"en\"", "href=\"/assets/app.css\"");
            }
        }
        assertThat(answers.get(2).statusCode()).as("no merchant in this session").isEqualTo(409);
        assertThat(answers.get(2).headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(answers.get(4).statusCode()).as("bad shop, inline").isEqualTo(400);

        // The session cookie, as a connect makes it (in a browser that has none yet).
        HttpResponse<String> login = new Browser().get("/shopify/cookie-boutique/login", Browser.HTML);
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertThat(cookies).as("a session cookie").anyMatch(c -> c.startsWith("salesbot-session="))
                .as("no servlet session: the session is in the database").noneMatch(c -> c.startsWith("JSESSIONID="));
        for (String cookie : cookies) {
            assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                    .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        }
        HttpResponse<String> script = browser.send(HttpRequest.newBuilder(Browser.resolve("/assets/live-status.js")).GET());
        assertThat(script.headers().firstValue("Content-Type")).get().asString().startsWith("text/javascript");
        assertThat(browser.get("/assets/..%2Fapp.css", "text/css").statusCode()).isEqualTo(404);
    }

    /** On the start page: types the store, Connect, Install on the sandbox's page; waits for the result page. */
    private static void installByClicks(Chromium chrome, String typed) {
        chrome.type("shop", typed);
        chrome.click("#connect");
        chrome.waitFor("#install");
        chrome.click("#install");
        chrome.waitFor("#live");
    }

    private static void checkPage(Chromium chrome, String screenshot, List<String> a11y) {
        chrome.screenshot(screenshot);
        chrome.seriousAccessibilityViolations().forEach(v -> a11y.add(screenshot + ": " + v));
        assertThat(chrome.contentWidthAt(320)).as(screenshot + " fits 320 px without sideways scrolling").isLessThanOrEqualTo(320);
    }
}
