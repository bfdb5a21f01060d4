package dev.salesbot.sync.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/**
 * At start-up, names every required setting that is missing, so an operator sees them all at
 * once in the log instead of one per failed request. Requests that need a missing setting still
 * fail on use with the same named message; nothing falls back to an insecure default.
 *
 * <p>A malformed {@code TRUSTED_PROXIES} keeps the server out of service ({@link StartupState},
 * readiness DOWN naming the entry): guessing what the operator meant would either trust an address
 * to say who the client is, or count every client behind the proxy as one.
 */
@ApplicationScoped
public class ConfigurationCheck {

    private static final System.Logger LOGGER = System.getLogger(ConfigurationCheck.class.getName());

    static final List<String> REQUIRED = List.of(
            "SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_REDIRECT_URI", "FACEBOOK_APP_ID", "FACEBOOK_APP_SECRET",
            "FACEBOOK_REDIRECT_URI", "STATE_TOKEN_SECRET", "TOKEN_ENCRYPTION_KEY");

    @Inject
    StartupState startup;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        TrustedProxies.problem(Settings.optional(TrustedProxies.SETTING)).ifPresent(problem -> {
            LOGGER.log(System.Logger.Level.ERROR, problem + " The server stays out of service until it is corrected.");
            startup.refuse("settings", problem);
        });
        if (Settings.optional("SHOPIFY_WEBHOOK_ADDRESS").isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "SHOPIFY_WEBHOOK_ADDRESS is not set: no Shopify webhook is registered, so "
                    + "snapshots change only at connects and polls. Set it to this server's /shopify/webhook URL.");
        }
        if (Settings.optional("FACEBOOK_WEBHOOK_ADDRESS").isEmpty() || Settings.optional("FACEBOOK_VERIFY_TOKEN").isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "FACEBOOK_WEBHOOK_ADDRESS or FACEBOOK_VERIFY_TOKEN is not set: the app is not "
                    + "subscribed to Page webhooks, so Page snapshots change only at connects and polls.");
        }
        if (Settings.optional("ADMIN_USERNAME").isEmpty() || Settings.optional("ADMIN_PASSWORD_HASH").isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "ADMIN_USERNAME or ADMIN_PASSWORD_HASH is not set: the admin console "
                    + "(/admin) answers 503 until both are (java tools/HashPassword.java prints a hash).");
        }
        List<String> missing = REQUIRED.stream().filter(name -> Settings.optional(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            LOGGER.log(System.Logger.Level.ERROR, "Missing configuration: {0}. Set these environment variables; "
                    + "the connect flows answer 500 naming them until then.", String.join(", ", missing));
        }
    }
}
