package io.mcprospero.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, for per-address limits. X-Forwarded-For is read only when the operator
 * says a proxy sets it (mcprospero.http.trust-forwarded-for); then the last entry counts, the one that
 * proxy appended, because the entries before it are whatever the client chose to send.
 */
@ApplicationScoped
public class ClientAddress {

    private boolean trustForwardedFor;

    protected ClientAddress() {
        // for the CDI proxy
    }

    @Inject
    public ClientAddress(@ConfigProperty(name = "mcprospero.http.trust-forwarded-for") boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
