package dev.salesbot.sync.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest {

    @Test
    void letsFormsReachEveryShopsInstallPage() {
        assertThat(SecurityHeaders.shopOrigin("https://{shop}")).isEqualTo("https://*.myshopify.com");
    }

    @Test
    void letsFormsReachTheSandboxWhereItServesTheShops() {
        assertThat(SecurityHeaders.shopOrigin("http://127.0.0.1:8080/sandbox/shopify/{shop}")).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void addsNothingForATemplateThatIsNotAUrl() {
        assertThat(SecurityHeaders.shopOrigin("not a url")).isNull();
    }

    @Test
    void anHttpsDeploymentAsksForHttpsOnly() throws Exception {
        Map<String, String> headers = answer("https://salesbot.example/shopify/callback", false);
        assertThat(headers).containsEntry("Strict-Transport-Security", "max-age=31536000")
                .containsEntry("Referrer-Policy", "no-referrer").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("X-Frame-Options", "DENY");
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; form-action 'self' https://*.myshopify.com; frame-ancestors 'none'; "
                + "base-uri 'none'");
    }

    @Test
    void aRequestOverHttpsGetsItEvenBehindAnHttpPublicUrl() throws Exception {
        assertThat(answer("http://localhost:8080/shopify/callback", true)).containsKey("Strict-Transport-Security");
        assertThat(answer("http://localhost:8080/shopify/callback", false)).doesNotContainKey("Strict-Transport-Security");
    }

    /** The headers the filter sets for one request, before the rest of the chain runs. */
    private static Map<String, String> answer(String redirectUri, boolean secure) throws Exception {
        SecurityHeaders filter = new SecurityHeaders();
        filter.configure("https://{shop}", redirectUri);
        Map<String, String> headers = new TreeMap<>();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> method.getName().equals("isSecure") ? secure : null);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(SecurityHeadersTest.class.getClassLoader(),
                new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "isCommitted" -> false;
                        case "getHeaders" -> java.util.List.of();
                        default -> null;
                    };
                });
        boolean[] passedOn = {false};
        FilterChain chain = (req, res) -> passedOn[0] = true;
        filter.doFilter(request, response, chain);
        assertThat(passedOn[0]).as("the request goes on").isTrue();
        return headers;
    }
}
