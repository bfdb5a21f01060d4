package dev.salesbot.sandbox.facebook;

import java.util.List;

/**
 * What the sandbox user agreed to in one pass through the Login dialog: the scopes granted and
 * declined and the Pages ticked. Every code and token issued afterwards carries its grant, so a
 * partial grant is visible on every Graph call that follows.
 */
public record Grant(String id, String appId, List<String> grantedScopes,
                    List<String> declinedScopes, List<String> pageIds) {

    public Grant {
        grantedScopes = List.copyOf(grantedScopes);
        declinedScopes = List.copyOf(declinedScopes);
        pageIds = List.copyOf(pageIds);
    }

    public boolean allowsPage(String pageId) {
        return pageIds.contains(pageId);
    }

    public boolean hasScope(String scope) {
        return grantedScopes.contains(scope);
    }
}
