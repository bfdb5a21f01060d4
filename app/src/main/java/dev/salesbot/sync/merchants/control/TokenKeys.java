package dev.salesbot.sync.merchants.control;

import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.merchants.entity.ShopifyConnection;
import dev.salesbot.sync.security.control.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored tokens against the configured keys ({@code TOKEN_ENCRYPTION_KEY}, and
 * {@code TOKEN_ENCRYPTION_KEY_PREVIOUS} during a rotation): how many values are sealed under the
 * current key, under an older one, or under none configured ({@link Census}); the re-seal that
 * moves every value to the current key, batch by batch, safely on several servers at once and
 * resumable after a restart (it only ever looks for values not under the current key); and the
 * start-up check that the key opens what is stored.
 */
@ApplicationScoped
public class TokenKeys {

    private static final System.Logger LOGGER = System.getLogger(TokenKeys.class.getName());
    static final Duration CENSUS_KEPT = Duration.ofSeconds(5);

    /**
     * Stored values by where they stand: under the current key, under an older configured one
     * (the re-seal moves them), under no configured key (unreadable: the operator's to fix).
     */
    public record Census(long currentKey, long olderKeys, long unreadable, Instant at) {
    }

    @Inject
    SealedRows rows;

    @Inject
    TokenCipher cipher;

    private volatile Census cached;

    /** The census, read at most every 5 s (dashboards, scrapes and health checks ask often). */
    public Census census() {
        Census c = cached;
        if (c == null || c.at().plus(CENSUS_KEPT).isBefore(Instant.now())) {
            c = count();
            cached = c;
        }
        return c;
    }

    private Census count() {
        long older = 0;
        long unreadable = 0;
        // Only the values not under the current key are looked at one by one: after a re-seal, none.
        for (SealedRows.Row row : rows.notUnderCurrentKey()) {
            for (Map.Entry<String, String> value : rows.values(row).entrySet()) {
                switch (cipher.readability(value.getValue(), value.getKey())) {
                    case OLDER_KEY -> older++;
                    case UNREADABLE -> unreadable++;
                    case CURRENT_KEY -> { }
                }
            }
        }
        return new Census(rows.underCurrentKey(), older, unreadable, Instant.now());
    }

    /**
     * Seals again under the current key every value not under it, walking the connections in id
     * order {@code batch} at a time, each row in a transaction of its own, for at most
     * {@code budget}; answers how many values it re-sealed. A row another server or a token refresh
     * changed meanwhile, and a value no configured key opens, are left to the next run.
     */
    public int reseal(int batch, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        int resealed = 0;
        for (Class<? extends MerchantConnection> type : List.of(ShopifyConnection.class, FacebookPageConnection.class)) {
            String after = "";
            List<SealedRows.Row> page;
            do {
                page = rows.notUnderCurrentKey(type, after, batch);
                for (SealedRows.Row row : page) {
                    try {
                        resealed += rows.reseal(row);
                    } catch (RuntimeException e) {
                        LOGGER.log(System.Logger.Level.DEBUG, "Re-seal of {0} {1} left to the next run: {2}", type.getSimpleName(), row.id(), e.toString());
                    }
                    after = row.id();
                }
            } while (page.size() == batch && Instant.now().isBefore(deadline));
        }
        if (resealed > 0) {
            cached = null;
            LOGGER.log(System.Logger.Level.INFO, "Sealed {0} stored token(s) again under the current key {1}", resealed, cipher.currentKeyId());
        }
        return resealed;
    }

    /**
     * Whether the configured keys open any of up to {@code sample} stored values; empty when they do
     * or nothing is stored, else why not, for the operator.
     */
    public Optional<String> keyCheck(int sample) {
        List<Map.Entry<String, String>> values = rows.sample(sample);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        boolean any = values.stream().anyMatch(v -> cipher.readability(v.getValue(), v.getKey()) != TokenCipher.Readability.UNREADABLE);
        return any ? Optional.empty() : Optional.of("TOKEN_ENCRYPTION_KEY (with TOKEN_ENCRYPTION_KEY_PREVIOUS) opens none of the "
                + values.size() + " stored tokens checked: it is not the key they were sealed with. The server stays out of "
                + "service and touches no connection until the right key is configured and the server restarted.");
    }
}
