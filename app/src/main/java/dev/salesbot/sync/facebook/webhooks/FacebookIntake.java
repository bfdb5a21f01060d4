package dev.salesbot.sync.facebook.webhooks;

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
import jakarta.json.JsonObject;

import java.util.List;

/**
 * Meta's webhook intake: verified Page notifications (each its entries) recorded by group commit,
 * a batch a transaction ({@link FacebookWebhookRecorder#recordAll}), each answered once its batch
 * committed ({@link Intake}).
 */
@ApplicationScoped
public class FacebookIntake {

    @Inject
    FacebookWebhookRecorder recorder;

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

    private Intake<List<JsonObject>> intake;

    @PostConstruct
    void start() {
        String platform = FacebookWebhookRecorder.PLATFORM;
        intake = new Intake<>("facebook-webhook-intake", settings.limits(), new Intake.Recorder<>() {
            @Override
            public List<Receipt> recordAll(List<List<JsonObject>> batch) {
                return recorder.recordAll(batch);
            }

            @Override
            public boolean seen(List<JsonObject> entries) {
                return !entries.isEmpty() && entries.stream().allMatch(recorder::seen);
            }

            @Override
            public String describe(List<JsonObject> entries) {
                return "A Page webhook of " + entries.size() + " entries";
            }
        }, durability::flush, size -> meters.webhookBatch(platform, size), why -> meters.webhookRefused(platform, why), threads);
        meters.webhookIntakeDepth(platform, intake::depth);
        stats.register(platform, intake);
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
    public Receipt record(List<JsonObject> entries) {
        return intake.record(entries);
    }
}
