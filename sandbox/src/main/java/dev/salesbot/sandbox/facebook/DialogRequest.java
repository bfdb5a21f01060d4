package dev.salesbot.sandbox.facebook;

/** The query of a Login dialog request, as the product sends it. */
public record DialogRequest(String version, String clientId, String redirectUri, String state, String scope,
                            String responseType) {
}
