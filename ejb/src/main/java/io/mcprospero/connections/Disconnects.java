package io.mcprospero.connections;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.Caller;
import io.mcprospero.authz.Permission;
import io.mcprospero.failure.NotFound;
import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.oauth.ProviderTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/** Disconnecting an account: revoked at the provider where it can be, then its tokens and its record deleted here either way. */
@ApplicationScoped
public class Disconnects {

    private static final Logger LOG = Logger.getLogger(Disconnects.class.getName());

    /** What happened: whether the provider revoked the grant, and if not, why. */
    public record Outcome(Provider provider, String account, boolean revokedUpstream, String upstreamProblem) {
    }

    private ConnectionTokens tokens;
    private Connections connections;
    private ProviderOAuths oauths;
    private Authorization authorization;

    protected Disconnects() {
        // for the CDI proxy
    }

    @Inject
    public Disconnects(ConnectionTokens tokens, Connections connections, ProviderOAuths oauths, Authorization authorization) {
        this.tokens = tokens;
        this.connections = connections;
        this.oauths = oauths;
        this.authorization = authorization;
    }

    /** The org's connection of the provider, which the person is asked about before it goes. */
    public ConnectionView connection(Caller caller, Provider provider) {
        authorization.require(caller, Permission.MANAGE_CONNECTIONS);
        return connections.find(caller.orgId(), provider)
                .orElseThrow(() -> new NotFound(provider.displayName() + " is not connected in this org; list_connections shows what is"));
    }

    public Outcome disconnect(Caller caller, Provider provider) {
        ConnectionView connection = connection(caller, provider);
        String problem = null;
        boolean revoked = false;
        try {
            Optional<ProviderTokens> stored = tokens.stored(caller.orgId(), provider);
            if (stored.isPresent()) {
                oauths.of(provider).revoke(stored.get());
                revoked = true;
            }
        } catch (IntegrationFailure | SecretUnreadable failed) {
            problem = failed.getMessage();
        }
        tokens.delete(caller.orgId(), provider);
        connections.remove(caller.orgId(), provider);
        boolean upstream = revoked;
        LOG.info(() -> "disconnected " + provider.wireName() + " for org " + caller.orgId() + (upstream ? " (revoked upstream)" : " (not revoked upstream)"));
        return new Outcome(provider, connection.account(), revoked, problem);
    }
}
