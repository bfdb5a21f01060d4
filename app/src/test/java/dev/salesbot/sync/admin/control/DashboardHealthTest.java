package dev.salesbot.sync.admin.control;

import dev.salesbot.sync.merchants.entity.ConnectionStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardHealthTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void theConnectionsOwnStatusComesFirst() {
        assertThat(Dashboard.health(ConnectionStatus.NEEDS_RECONNECT, null, NOW, DAY, NOW)).isEqualTo("needs_reconnect");
        assertThat(Dashboard.health(ConnectionStatus.UNINSTALLED, null, NOW, DAY, NOW)).isEqualTo("uninstalled");
        assertThat(Dashboard.health(ConnectionStatus.DISCONNECTED, null, NOW, DAY, NOW)).isEqualTo("disconnected");
    }

    @Test
    void aNewConnectionIsHealthyUntilThePollIntervalPassesWithoutASuccess() {
        assertThat(Dashboard.health(ConnectionStatus.ACTIVE, null, NOW.minusHours(1), DAY, NOW)).isEqualTo("healthy");
        assertThat(Dashboard.health(ConnectionStatus.ACTIVE, null, NOW.minusHours(25), DAY, NOW)).isEqualTo("delayed");
    }
}
