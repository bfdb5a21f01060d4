package dev.salesbot.sync.shopify.webhooks;

import dev.salesbot.sync.monitoring.control.Meters;
import dev.salesbot.sync.webhooks.control.Durability;
import dev.salesbot.sync.webhooks.control.Intake;
import dev.salesbot.sync.webhooks.control.IntakeSettings;
import dev.salesbot.sync.webhooks.control.IntakeStats;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Shopify's webhook intake: verified deliveries recorded by group commit, a batch a transaction
 * ({@link WebhookRecorder#recordAll}), each answered once its batch committed ({@link Intake}).
 */
@ApplicationScoped
public class ShopifyIntake {

    @Inject
    WebhookRecorder recorder;

    @Inject
    IntakeSettings settings;

    @Inject
    IntakeStats stats;

    @Inject
    Durability durability;

    @Inject
    Meters meters;

    @Resource
    ManagedThreadFactory threads;

    private Intake<WebhookRecorder.Accepted> intake;

    @PostConstruct
    void start() {
        intake = new Intake<>("shopify-webhook-intake", settings.limits(), new Intake.Recorder<>() {
            @Override
            public List<Receipt> recordAll(List<WebhookRecorder.Accepted> batch) {
                return recorder.recordAll(batch);
            }

            @Override
            public boolean seen(WebhookRecorder.Accepted delivery) {
                return recorder.seen(delivery.webhookId());
            }

            @Override
            public String describe(WebhookRecorder.Accepted delivery) {
                return "A " + delivery.topic().header() + " webhook from " + delivery.shop();
            }
        }, durability::flush, size -> meters.webhookBatch(WebhookRecorder.PLATFORM, size), why -> meters.webhookRefused(WebhookRecorder.PLATFORM, why), threads);
        meters.webhookIntakeDepth(WebhookRecorder.PLATFORM, intake::depth);
        stats.register(WebhookRecorder.PLATFORM, intake);
    }

    /** Started with the application, so that its figures show before the first delivery. */
    void started(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the observer's instance is this bean: @PostConstruct ran
    }

    @PreDestroy
    void stop() {
        intake.close();
    }

    /**
     * @throws dev.salesbot.sync.problems.control.Refusal overloaded (503 with {@code Retry-After}) when it was not recorded in time
     */
    public Receipt record(WebhookRecorder.Accepted delivery) {
        return intake.record(delivery);
    }
}
