package dev.salesbot.sandbox.facebook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Everything the simulated Facebook remembers: the sandbox user and their Pages, codes, tokens,
 * subscriptions, usage, planned faults and request counts. Plain Java (no CDI) so that tests build
 * one with a fixed clock; {@link FacebookSandbox} holds the one the server uses.
 */
public final class FacebookWorld {

    static final String USER_ID = "10229384756120034";
    static final String USER_NAME = "Maria Santos";

    private final FacebookSettings settings;
    private final Clock clock;
    final AuthorizationCodes codes;
    final AccessTokens tokens;
    final UsageMeter usage;
    final FaultPlan faults = new FaultPlan();
    final PageSubscriptions subscriptions = new PageSubscriptions();
    final RequestStats stats = new RequestStats();
    private volatile List<SandboxPage> pages;

    public FacebookWorld(FacebookSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.codes = new AuthorizationCodes(clock);
        this.tokens = new AccessTokens(clock);
        this.usage = new UsageMeter(settings.callsPerHour(), clock);
        this.pages = SamplePages.seed(settings.pages(), false);
    }

    public FacebookSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    public List<SandboxPage> pages() {
        return pages;
    }

    Optional<SandboxPage> page(String id) {
        return pages.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Starts over with a user who has {@code pageCount} Pages. Codes, tokens, subscriptions,
     * usage, faults and counts are forgotten too: they referred to the old Pages.
     */
    public void reseed(int pageCount, boolean nonNumericPageId) {
        if (pageCount < 0) {
            throw new IllegalArgumentException("pages must be >= 0");
        }
        codes.clear();
        tokens.clear();
        usage.clear();
        faults.clear();
        subscriptions.clear();
        stats.clear();
        pages = SamplePages.seed(pageCount, nonNumericPageId);
    }

    /** Back to the configured user, as after a restart. */
    public void reset() {
        reseed(settings.pages(), false);
    }
}
