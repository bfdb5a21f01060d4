package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.config.RequiredSetting;
import dev.salesbot.sync.config.StartupState;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * At start (after the migrations): the key check, which keeps the server out of service when the
 * configured key opens none of the stored tokens. Then every 15 seconds, on every server: the
 * re-seal of stored tokens not under the current key, in batches. Only schedules and delegates.
 * A key check that cannot read the tokens at start is tried again every second by the timer, and
 * never fails the deployment: while the application is still being deployed, Payara may not have
 * its persistence unit ready for a start-up bean ({@code EntityManagerFactory} null, in one start of
 * a few dozen).
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TokenKeyClock {

    static final int SAMPLE = 20;
    static final int BATCH = 200;
    static final Duration RESEAL_EVERY = Duration.ofSeconds(15);
    /** Within the 15 s between two runs, so that runs never overlap on one server. */
    static final Duration BUDGET = Duration.ofSeconds(10);
    private static final System.Logger LOGGER = System.getLogger(TokenKeyClock.class.getName());

    @Inject
    TokenKeys keys;

    @Inject
    StartupState startup;

    private volatile boolean checked;
    private volatile long nextReseal;

    @PostConstruct
    void atStart() {
        checkKey();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        if (!checked) {
            checkKey();
        } else if (System.nanoTime() - nextReseal >= 0) {
            nextReseal = System.nanoTime() + RESEAL_EVERY.toNanos();
            reseal();
        }
    }

    void checkKey() {
        if (!startup.isMigrated()) {
            checked = true;
            return; // the schema's refusal says why; no table can be read
        }
        try {
            keys.keyCheck(SAMPLE).ifPresentOrElse(this::refuse, () -> startup.passed("keys"));
            checked = true;
            nextReseal = System.nanoTime() + RESEAL_EVERY.toNanos();
        } catch (RequiredSetting e) {
            refuse(e.getMessage());
            checked = true;
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "The key check could not read the stored tokens ({0}); trying again", e.toString());
        }
    }

    private void refuse(String reason) {
        LOGGER.log(System.Logger.Level.ERROR, reason);
        startup.refuse("keys", reason);
    }

    void reseal() {
        if (!startup.ready()) {
            return;
        }
        try {
            keys.reseal(BATCH, BUDGET);
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Re-sealing stored tokens failed ({0}); the next run tries again", e.toString());
        }
    }
}
