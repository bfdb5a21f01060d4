package dev.salesbot.sandbox.shopify;

import dev.salesbot.sandbox.SandboxJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens the simulated Shopify issued (access and refresh), kept across restarts of this
 * server: the sandbox runs inside the product's process, and a real Shopify does not forget the
 * grants it made when the app restarts. Without this, every request resumed after a restart
 * would be refused as "reconnect the store".
 *
 * <p>Only SHA-256 digests are kept, in memory and in {@code DATA_DIR/sandbox/shopify-tokens.json}
 * (replaced by an atomic rename): recognising a token needs nothing more, and no file ever holds
 * one. With the sandbox disabled nothing is written. Authorization codes are not kept: they live
 * ten minutes and a restart mid-install simply starts the install again.
 */
@ApplicationScoped
public class SandboxTokenLedger {

    private static final System.Logger LOGGER = System.getLogger(SandboxTokenLedger.class.getName());
    static final String FILE = "shopify-tokens.json";

    /** Kinds are kept apart: an access token presented as a refresh token is unknown, as on Shopify. */
    public enum Kind { ACCESS, REFRESH }

    /**
     * What a token grants; {@code expiresAt} is null for a token that never expires. For refresh
     * tokens, {@code usedAt} is when it was first used (null: never) and {@code parent} the digest
     * of the refresh token it replaced (null: issued for a code).
     */
    public record Grant(String shop, String scope, Instant expiresAt, Instant usedAt, String parent) {

        public Grant(String shop, String scope, Instant expiresAt) {
            this(shop, scope, expiresAt, null, null);
        }

        public boolean validAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }

        Grant usedAt(Instant when) {
            return new Grant(shop, scope, expiresAt, when, parent);
        }

        Grant withScope(String newScope) {
            return new Grant(shop, newScope, expiresAt, usedAt, parent);
        }
    }

    private final Map<String, Grant> byDigest = new ConcurrentHashMap<>();
    private Path file;

    protected SandboxTokenLedger() {
        // for the CDI proxy
    }

    @Inject
    public SandboxTokenLedger(@ConfigProperty(name = "SANDBOX_ENABLED", defaultValue = "false") boolean enabled,
                              @ConfigProperty(name = "DATA_DIR", defaultValue = "./data") String dataDir) {
        this(enabled ? Path.of(dataDir, "sandbox", FILE) : null);
    }

    /** @param file where the ledger lives, or null to keep it in memory only */
    SandboxTokenLedger(Path file) {
        this.file = file;
        load();
    }

    public void put(Kind kind, String token, Grant grant) {
        byDigest.put(digest(kind, token), grant);
        save();
    }

    public Optional<Grant> find(Kind kind, String token) {
        return Optional.ofNullable(byDigest.get(digest(kind, token)));
    }

    /** Forgets the token and answers what it granted. */
    public Optional<Grant> remove(Kind kind, String token) {
        return removeDigest(digest(kind, token));
    }

    /** Forgets the token with this digest (a refresh token's {@code parent}). */
    public Optional<Grant> removeDigest(String digest) {
        Optional<Grant> removed = Optional.ofNullable(byDigest.remove(digest));
        removed.ifPresent(g -> save());
        return removed;
    }

    /** Forgets every token of {@code shop}: the app was uninstalled. Answers how many. */
    public int revokeShop(String shop) {
        int before = byDigest.size();
        byDigest.values().removeIf(g -> g.shop().equals(shop));
        save();
        return before - byDigest.size();
    }

    /** Takes {@code scope} (and its write form) away from every token of {@code shop}: a merchant narrowing the app's access. */
    public int revokeScope(String shop, String scope) {
        int changed = 0;
        for (Map.Entry<String, Grant> entry : byDigest.entrySet()) {
            Grant grant = entry.getValue();
            if (grant.shop().equals(shop)) {
                String narrowed = java.util.Arrays.stream(grant.scope().split(","))
                        .map(String::trim)
                        .filter(s -> !s.equals(scope) && !s.equals(scope.replaceFirst("^read_", "write_")))
                        .collect(java.util.stream.Collectors.joining(","));
                if (!narrowed.equals(grant.scope())) {
                    entry.setValue(grant.withScope(narrowed));
                    changed++;
                }
            }
        }
        save();
        return changed;
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonObject stored = SandboxJson.JSON.createReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8))).readObject();
            stored.forEach((digest, value) -> {
                JsonObject g = value.asJsonObject();
                byDigest.put(digest, new Grant(g.getString("shop"), g.getString("scope"), instant(g, "expiresAt"),
                        instant(g, "usedAt"), g.getString("parent", null)));
            });
            LOGGER.log(System.Logger.Level.INFO, "Sandbox Shopify remembers {0} issued token(s) from {1}", byDigest.size(), file);
        } catch (IOException | RuntimeException e) {
            // A sandbox that forgot its tokens still works: merchants connect again.
            LOGGER.log(System.Logger.Level.WARNING, "Sandbox Shopify could not read {0}; starting with no issued tokens: {1}", file, e.toString());
        }
    }

    /* Synchronized: two writers renaming over each other could leave the older map in place. */
    private synchronized void save() {
        if (file == null) {
            return;
        }
        Instant now = Instant.now();
        byDigest.values().removeIf(g -> !g.validAt(now));
        JsonObjectBuilder json = SandboxJson.JSON.createObjectBuilder();
        byDigest.forEach((digest, g) -> json.add(digest, SandboxJson.JSON.createObjectBuilder()
                .add("shop", g.shop()).add("scope", g.scope())
                .add("expiresAt", g.expiresAt() == null ? JsonValue.NULL : SandboxJson.JSON.createValue(g.expiresAt().toString()))
                .add("usedAt", g.usedAt() == null ? JsonValue.NULL : SandboxJson.JSON.createValue(g.usedAt().toString()))
                .add("parent", g.parent() == null ? JsonValue.NULL : SandboxJson.JSON.createValue(g.parent()))));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + FILE, ".tmp");
            try {
                Files.writeString(temp, json.build().toString(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            LOGGER.log(System.Logger.Level.WARNING, "Sandbox Shopify could not save {0}; tokens issued now are lost at restart: {1}", file, e.toString());
        }
    }

    private static Instant instant(JsonObject g, String field) {
        JsonValue value = g.get(field);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : Instant.parse(g.getString(field));
    }

    static String digest(Kind kind, String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((kind + ":" + token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
