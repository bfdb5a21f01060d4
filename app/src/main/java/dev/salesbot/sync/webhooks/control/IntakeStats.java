package dev.salesbot.sync.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Every platform's webhook intake on this server, for the operators' dashboard. */
@ApplicationScoped
public class IntakeStats {

    private final Map<String, Intake<?>> intakes = new ConcurrentHashMap<>();

    /** A platform's intake, once it started. */
    public void register(String platform, Intake<?> intake) {
        intakes.put(platform, intake);
    }

    /** Each started intake's figures, by platform. */
    public Map<String, Intake.Stats> all() {
        Map<String, Intake.Stats> all = new TreeMap<>();
        intakes.forEach((platform, intake) -> all.put(platform, intake.stats()));
        return all;
    }
}
