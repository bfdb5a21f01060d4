package dev.salesbot.sync.facebook.connect;

import dev.salesbot.sync.facebook.graph.FacebookApp;
import dev.salesbot.sync.facebook.graph.GraphClient;
import dev.salesbot.sync.facebook.graph.PageTokens;
import dev.salesbot.sync.merchants.control.ConnectionPlatform;
import dev.salesbot.sync.merchants.entity.FacebookPageConnection;
import dev.salesbot.sync.merchants.entity.MerchantConnection;
import dev.salesbot.sync.queue.control.SyncKind;
import dev.salesbot.sync.queue.control.TargetStatuses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Facebook Pages, for the connection operations: their syncs, and each Page's {@code subscribed_apps}. */
@ApplicationScoped
public class FacebookPlatform implements ConnectionPlatform {

    @Inject
    FacebookApp app;

    @Inject
    GraphClient graph;

    @Inject
    PageTokens tokens;

    @Inject
    TargetStatuses statuses;

    /** The fields are the configured ones ({@code FACEBOOK_WEBHOOK_FIELDS}). */
    @Override
    public Description description() {
        return new Description("facebook", FacebookPageConnection.class, SyncKind.FACEBOOK_PAGE, SyncKind.FACEBOOK_PAGE_DELETE,
                app.webhookFields().stream().sorted().toList());
    }

    @Override
    public ApiVersion apiVersion() {
        return new ApiVersion("FACEBOOK_GRAPH_API_VERSION", app.configuredApiVersion());
    }

    @Override
    public Registration registerWebhooks(MerchantConnection connection) {
        FacebookPageConnection page = (FacebookPageConnection) connection;
        List<String> fields = graph.subscribe(page.pageId(), tokens.open(page));
        statuses.webhooksChecked(page.pageId(), fields, app.webhookFields());
        return new Registration(true, "Page subscribed to " + String.join(",", fields) + ".");
    }

    @Override
    public String removeSubscriptions(MerchantConnection connection) {
        FacebookPageConnection page = (FacebookPageConnection) connection;
        graph.unsubscribe(page.pageId(), tokens.open(page));
        statuses.webhooksChecked(page.pageId(), List.of(), app.webhookFields());
        return "the Page's subscribed_apps entry removed";
    }
}
