package dev.salesbot.sync.config;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Sets {@code User-Agent} on a platform client's requests ({@link ServerInstance#userAgent()}). */
public final class UserAgentFilter implements ClientRequestFilter {

    private final String userAgent;

    public UserAgentFilter(ServerInstance instance) {
        this.userAgent = instance.userAgent();
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
    }
}
