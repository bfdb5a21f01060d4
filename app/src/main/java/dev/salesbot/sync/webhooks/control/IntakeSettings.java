package dev.salesbot.sync.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The webhook intakes' sizes, the same for every platform ({@code docs/configuration.md}). Shopify
 * waits 5 s for an answer (https://shopify.dev/docs/apps/build/webhooks/subscribe/https, "respond
 * within 5 seconds"), so a delivery is answered within {@code WEBHOOK_ANSWER_WITHIN_MILLIS}
 * (default 4 s) — recorded, or 503 — and no more wait than a full intake can record in that time.
 */
@ApplicationScoped
public class IntakeSettings {

    @Inject
    @ConfigProperty(name = "WEBHOOK_INTAKE_CAPACITY", defaultValue = "2000")
    int capacity;

    @Inject
    @ConfigProperty(name = "WEBHOOK_BATCH_MAX", defaultValue = "200")
    int maxBatch;

    @Inject
    @ConfigProperty(name = "WEBHOOK_BATCH_LINGER_MILLIS", defaultValue = "0")
    int lingerMillis;

    @Inject
    @ConfigProperty(name = "WEBHOOK_ANSWER_WITHIN_MILLIS", defaultValue = "4000")
    int answerWithinMillis;

    public Intake.Limits limits() {
        return new Intake.Limits(Math.max(1, capacity), Math.max(1, maxBatch), Duration.ofMillis(Math.max(0, lingerMillis)),
                Duration.ofMillis(Math.max(100, answerWithinMillis)));
    }
}
