package io.mcprospero.web.identity;

import io.mcprospero.oauth.UnsafeRedirect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local sign-in is meant for a laptop: it answers loopback addresses only, unless
 * {@code mcprospero.identity.local.allow-remote=true}.
 */
@ApplicationScoped
public class LoopbackOnly {

    private boolean allowRemote;

    protected LoopbackOnly() {
        // for the CDI proxy
    }

    @Inject
    public LoopbackOnly(@ConfigProperty(name = "mcprospero.identity.local.allow-remote") boolean allowRemote) {
        this.allowRemote = allowRemote;
    }

    public void check(HttpServletRequest http) {
        if (allowRemote) {
            return;
        }
        try {
            if (!InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress()) {
                throw new UnsafeRedirect("local sign-in answers on this computer only; set mcprospero.identity.local.allow-remote=true "
                        + "or configure an OpenID Connect provider (mcprospero.identity.mode=oidc)");
            }
        } catch (UnknownHostException e) {
            throw new UnsafeRedirect("the address of this request cannot be read");
        }
    }
}
