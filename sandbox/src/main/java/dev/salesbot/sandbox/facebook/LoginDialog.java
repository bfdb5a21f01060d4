package dev.salesbot.sandbox.facebook;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Login dialog ({@code /{version}/dialog/oauth}): checks the app and redirect URI, shows the
 * sandbox user's consent page, and turns the user's decision into the redirect Facebook makes —
 * {@code code} and {@code state} on consent, {@code error=access_denied} on cancel.
 */
final class LoginDialog {

    private static final System.Logger LOGGER = System.getLogger(LoginDialog.class.getName());

    private final FacebookWorld world;

    LoginDialog(FacebookWorld world) {
        this.world = world;
    }

    /** The consent page's HTML, or a {@link DialogException} for a request Facebook would refuse. */
    String show(DialogRequest request) {
        check(request.clientId(), request.redirectUri());
        if (request.responseType() != null && !"code".equals(request.responseType())) {
            throw new DialogException("The sandbox supports only response_type=code.");
        }
        return DialogPage.render(request, FacebookSettings.APP_NAME, scopes(request.scope()), world.pages());
    }

    /** Where the browser goes next: the redirect URI with a code or with Facebook's denial. */
    URI decide(DialogDecision decision) {
        check(decision.clientId(), decision.redirectUri());
        Map<String, String> params = new LinkedHashMap<>();
        if (decision.allow()) {
            Grant grant = grant(decision);
            params.put("code", world.codes.issue(grant, decision.redirectUri()));
            LOGGER.log(System.Logger.Level.DEBUG, "Sandbox Login granted {0} on {1} Page(s)",
                    grant.grantedScopes(), grant.pageIds().size());
        } else {
            params.put("error", "access_denied");
            params.put("error_code", "200");
            params.put("error_description", "Permissions error");
            params.put("error_reason", "user_denied");
        }
        if (decision.state() != null) {
            params.put("state", decision.state());
        }
        return redirect(decision.redirectUri(), params);
    }

    private Grant grant(DialogDecision decision) {
        List<String> requested = scopes(decision.scope());
        List<String> declined = decision.declinedScopes().stream().filter(requested::contains).distinct().toList();
        List<String> granted = requested.stream().filter(s -> !declined.contains(s)).toList();
        List<String> pages = world.pages().stream()
                .map(SandboxPage::id)
                .filter(id -> !decision.pagesChosen() || decision.pageIds().contains(id))
                .toList();
        return new Grant(Secrets.random(12), decision.clientId(), granted, declined, pages);
    }

    private void check(String clientId, String redirectUri) {
        if (clientId == null || !clientId.equals(world.settings().appId())) {
            throw new DialogException("Invalid App ID: the provided app ID does not look like a valid app ID.");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw new DialogException("The parameter redirect_uri is required.");
        }
        try {
            URI uri = new URI(redirectUri);
            if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme())) {
                throw new DialogException("redirect_uri must be an absolute http(s) URL.");
            }
        } catch (URISyntaxException e) {
            throw new DialogException("redirect_uri is not a valid URL.");
        }
    }

    /** Facebook accepts scopes separated by commas or spaces. */
    static List<String> scopes(String scope) {
        if (scope == null || scope.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(scope.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList());
    }

    private static URI redirect(String redirectUri, Map<String, String> params) {
        int hash = redirectUri.indexOf('#');
        String base = hash < 0 ? redirectUri : redirectUri.substring(0, hash);
        StringJoiner query = new StringJoiner("&");
        params.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String separator = base.contains("?") ? "&" : "?";
        return URI.create(base + separator + query);
    }
}
