package dev.salesbot.sandbox.shopify;

import dev.salesbot.sandbox.shopify.SandboxTokenLedger.Grant;
import dev.salesbot.sandbox.shopify.SandboxTokenLedger.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxTokenLedgerTest {

    static final String SHOP = "ledger-lane.myshopify.com";
    static final String SCOPE = "read_products,read_discounts";
    static final String ACCESS_TOKEN = "shpat_0123456789abcdef0123456789abcdef";
    static final String REFRESH_TOKEN = "shprt_fedcba9876543210fedcba9876543210";

    @TempDir
    Path dataDir;

    @Test
    void remembersIssuedTokensAcrossARestart() {
        Grant grant = new Grant(SHOP, SCOPE, Instant.now().plus(Duration.ofHours(1)));
        started().put(Kind.ACCESS, ACCESS_TOKEN, grant);

        assertThat(started().find(Kind.ACCESS, ACCESS_TOKEN)).contains(grant);
    }

    @Test
    void keepsADigestButNeverTheTokenOnDisk() throws IOException {
        SandboxTokenLedger ledger = started();
        ledger.put(Kind.ACCESS, ACCESS_TOKEN, new Grant(SHOP, SCOPE, null));
        ledger.put(Kind.REFRESH, REFRESH_TOKEN, new Grant(SHOP, SCOPE, Instant.now().plus(Duration.ofDays(90))));

        String stored = Files.readString(ledgerFile());
        assertThat(stored).contains(SHOP).doesNotContain(ACCESS_TOKEN, REFRESH_TOKEN, "shpat_", "shprt_");
    }

    @Test
    void refusesAnAccessTokenPresentedAsARefreshToken() {
        SandboxTokenLedger ledger = started();
        ledger.put(Kind.ACCESS, ACCESS_TOKEN, new Grant(SHOP, SCOPE, null));

        assertThat(ledger.remove(Kind.REFRESH, ACCESS_TOKEN)).isEmpty();
        assertThat(ledger.find(Kind.ACCESS, ACCESS_TOKEN)).isPresent();
    }

    @Test
    void forgetsAUsedRefreshTokenForGood() {
        SandboxTokenLedger ledger = started();
        ledger.put(Kind.REFRESH, REFRESH_TOKEN, new Grant(SHOP, SCOPE, Instant.now().plus(Duration.ofDays(90))));

        assertThat(ledger.remove(Kind.REFRESH, REFRESH_TOKEN)).isPresent();
        assertThat(started().remove(Kind.REFRESH, REFRESH_TOKEN)).as("still used after a restart").isEmpty();
    }

    @Test
    void dropsExpiredGrantsWhenItSaves() {
        SandboxTokenLedger ledger = started();
        ledger.put(Kind.ACCESS, ACCESS_TOKEN, new Grant(SHOP, SCOPE, Instant.now().minusSeconds(1)));
        ledger.put(Kind.REFRESH, REFRESH_TOKEN, new Grant(SHOP, SCOPE, null));

        assertThat(started().find(Kind.ACCESS, ACCESS_TOKEN)).isEmpty();
        assertThat(started().find(Kind.REFRESH, REFRESH_TOKEN)).isPresent();
    }

    @Test
    void writesNothingWhenTheSandboxIsDisabled() {
        new SandboxTokenLedger(false, dataDir.toString()).put(Kind.ACCESS, ACCESS_TOKEN, new Grant(SHOP, SCOPE, null));

        assertThat(dataDir.resolve("sandbox")).doesNotExist();
    }

    @Test
    void startsEmptyFromAnUnreadableFile() throws IOException {
        Files.createDirectories(ledgerFile().getParent());
        Files.writeString(ledgerFile(), "{not json");

        assertThat(started().find(Kind.ACCESS, ACCESS_TOKEN)).isEmpty();
    }

    /** A ledger as a fresh server process would build it: from the file alone. */
    private SandboxTokenLedger started() {
        return new SandboxTokenLedger(true, dataDir.toString());
    }

    private Path ledgerFile() {
        return dataDir.resolve("sandbox").resolve(SandboxTokenLedger.FILE);
    }
}
