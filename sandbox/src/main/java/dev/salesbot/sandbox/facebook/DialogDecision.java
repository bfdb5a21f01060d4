package dev.salesbot.sandbox.facebook;

import java.util.List;
import java.util.Map;

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

    /** The decision in a posted form ({@code decision=allow|deny}, {@code page}…, {@code declined_scope}…). */
    public static DialogDecision fromForm(Map<String, List<String>> form) {
        String decision = first(form, "decision");
        if (!"allow".equals(decision) && !"deny".equals(decision)) {
            throw new DialogException("decision must be allow or deny.");
        }
        List<String> pages = form.getOrDefault("page", List.of());
        return new DialogDecision(first(form, "client_id"), first(form, "redirect_uri"), first(form, "state"),
                first(form, "scope"), "allow".equals(decision), pages,
                !pages.isEmpty() || form.containsKey("page_choice"),
                form.getOrDefault("declined_scope", List.of()));
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
