package dev.salesbot.sandbox.facebook;

import java.util.List;

/**
 * The consent form as posted. {@code pagesChosen} is false when the client sent no {@code page}
 * field and no {@code page_choice} marker: a plain HTTP client that does not care about Pages then
 * grants all of them, while the HTML form (which always sends the marker) grants only the ticked
 * ones.
 */
public record DialogDecision(String clientId, String redirectUri, String state, String scope, boolean allow,
                             List<String> pageIds, boolean pagesChosen, List<String> declinedScopes) {

    public DialogDecision {
        pageIds = List.copyOf(pageIds);
        declinedScopes = List.copyOf(declinedScopes);
    }
}
