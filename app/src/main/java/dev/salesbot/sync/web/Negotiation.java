package dev.salesbot.sync.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * JSON for API clients, HTML for browsers: the first of the two that the {@code Accept} header
 * names wins; {@code *}{@code /*} alone (curl, scripts) means JSON.
 */
public final class Negotiation {

    private Negotiation() {
    }

    public static boolean prefersHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                continue;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)) {
                return true;
            }
            if (type.getSubtype().endsWith("json")) {
                return false;
            }
        }
        return false;
    }
}
