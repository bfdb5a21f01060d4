package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.config.StartupState;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every hour: forgets deliveries older than {@link Deliveries#KEPT}. Only schedules and delegates. */
@Singleton
public class DeliveryPurge {

    private static final System.Logger LOGGER = System.getLogger(DeliveryPurge.class.getName());

    @Inject
    Deliveries deliveries;

    @Inject
    StartupState startup;

    @Schedule(hour = "*", minute = "23", persistent = false)
    void purge() {
        if (!startup.ready()) {
            return;
        }
        int purged = deliveries.purgeOlderThan(Deliveries.KEPT);
        if (purged > 0) {
            LOGGER.log(System.Logger.Level.INFO, "Forgot {0} webhook deliveries older than {1} days", purged, Deliveries.KEPT.toDays());
        }
    }
}
