package dev.salesbot.sync.merchants.boundary;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

/**
 * The merchant this browser session acts for, kept in the {@code HttpSession}. Set when a store
 * connects; the Facebook connect reads it so both land under the same {@code users/<uuid>/}.
 */
@SessionScoped
public class MerchantSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID merchant;

    public synchronized Optional<UUID> merchant() {
        return Optional.ofNullable(merchant);
    }

    public synchronized void actFor(UUID merchant) {
        this.merchant = merchant;
    }
}
