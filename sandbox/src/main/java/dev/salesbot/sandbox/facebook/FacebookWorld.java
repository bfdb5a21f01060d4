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
    final AppSubscriptions appSubscriptions = new AppSubscriptions();
    final RequestStats stats = new RequestStats();
    private volatile List<SandboxPage> pages;
    private volatile boolean requireAppSecretProof;
    private volatile boolean v27;
    private volatile PageEvents events = (pageId, field, value) -> { };
    private volatile AppEdges.CallbackVerifier verifier = (url, token) -> java.util.Optional.of("no verifier is wired in this sandbox");

    /** Where a Page's field changes go: the webhook deliveries of the running sandbox. */
    interface PageEvents {
        void changed(String pageId, String field, String value);
    }

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
     * The Page's admin changes {@code field} (one of {@link SandboxPage#EDITABLE}) to {@code value}:
     * the Page is replaced and, if the value changed, the change goes to {@link PageEvents}.
     *
     * @return false if there is no such Page
     */
    public synchronized boolean updatePage(String id, String field, String value) {
        Optional<SandboxPage> current = page(id);
        if (current.isEmpty()) {
            return false;
        }
        SandboxPage changed = current.get().with(field, value);
        if (changed.equals(current.get())) {
            return true;
        }
        pages = pages.stream().map(p -> p.id().equals(id) ? changed : p).toList();
        events.changed(id, field, value);
        return true;
    }

    void events(PageEvents sink) {
        this.events = sink;
    }

    AppEdges.CallbackVerifier verifier() {
        return verifier;
    }

    void verifier(AppEdges.CallbackVerifier verifier) {
        this.verifier = verifier;
    }

    boolean requireAppSecretProof() {
        return requireAppSecretProof;
    }

    public void requireAppSecretProof(boolean on) {
        this.requireAppSecretProof = on;
    }

    /** Whether the app is held to v27's rules for new apps ({@link GraphCalls}: no field aliases, no multi-id requests). */
    boolean v27() {
        return v27;
    }

    public void v27(boolean on) {
        this.v27 = on;
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
        appSubscriptions.clear();
        stats.clear();
        pages = SamplePages.seed(pageCount, nonNumericPageId);
    }

    /** Back to the configured user, as after a restart. */
    public void reset() {
        reseed(settings.pages(), false);
    }
}
