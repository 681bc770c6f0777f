package io.mcprospero.web;

import io.mcprospero.identity.IdentityMode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses a browser page requested under a host that is not MCProspero's ({@link AcceptedHosts}), before anything is read or stored. */
@Provider
@BrowserPage
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class HostCheck implements ContainerRequestFilter {

    private AcceptedHosts hosts;

    protected HostCheck() {
        // for the CDI proxy
    }

    @Inject
    public HostCheck(@ConfigProperty(name = "mcprospero.public-url") String publicUrl,
                     @ConfigProperty(name = "mcprospero.identity.mode") String mode) {
        this.hosts = new AcceptedHosts(publicUrl, IdentityMode.LOCAL.equals(mode));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!hosts.accepts(request.getHeaderString(HttpHeaders.HOST))) {
            request.abortWith(Html.errorPage(421, "Wrong address",
                    "This page was requested under a name that is not this server's address (its public URL), so it is not "
                            + "shown: another site may be trying to drive your sign-in. Open your MCP client and connect again."));
        }
    }
}
