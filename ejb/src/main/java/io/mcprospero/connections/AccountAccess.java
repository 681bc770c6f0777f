package io.mcprospero.connections;

import io.mcprospero.failure.SecretUnreadable;
import io.mcprospero.integrations.IntegrationFailure;
import io.mcprospero.integrations.oauth.ProviderTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Calls a provider's API with the org's connection, the token decrypted just for the call: refreshed first when it
 * expires within {@link #MARGIN_SECONDS}, refreshed and tried once more when the provider did not accept it. The token
 * never leaves this method; a connection that is gone ends in {@link IntegrationFailure.Kind#RECONNECT} with what to do.
 */
@ApplicationScoped
public class AccountAccess {

    private static final Logger LOG = Logger.getLogger(AccountAccess.class.getName());
    static final long MARGIN_SECONDS = 60;

    private ConnectionTokens tokens;
    private Connections connections;
    private ProviderOAuths oauths;
    private Clock clock;

    protected AccountAccess() {
        // for the CDI proxy
    }

    @Inject
    public AccountAccess(ConnectionTokens tokens, Connections connections, ProviderOAuths oauths, Clock clock) {
        this.tokens = tokens;
        this.connections = connections;
        this.oauths = oauths;
        this.clock = clock;
    }

    public <T> T use(String orgId, Provider provider, Function<String, T> call) {
        ProviderTokens current = stored(orgId, provider);
        if (current.expiresWithin(clock.instant(), MARGIN_SECONDS)) {
            current = refresh(orgId, provider, current);
        }
        T result;
        try {
            result = call.apply(current.accessToken());
        } catch (IntegrationFailure refused) {
            if (refused.kind() != IntegrationFailure.Kind.UNAUTHORIZED) {
                throw refused;
            }
            result = call.apply(refresh(orgId, provider, current).accessToken());
        }
        connections.touch(orgId, provider);
        return result;
    }

    private ProviderTokens stored(String orgId, Provider provider) {
        IntegrationFailure notConnected = new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, provider.displayName()
                + " is not connected for this org: the person connects it with connect_account (provider " + provider.wireName() + ")");
        if (connections.find(orgId, provider).isEmpty()) {
            throw notConnected;
        }
        try {
            return tokens.stored(orgId, provider).orElseThrow(() -> notConnected);
        } catch (SecretUnreadable unreadable) {
            LOG.warning(() -> "the " + provider.wireName() + " connection of org " + orgId + " cannot be decrypted");
            throw new IntegrationFailure(IntegrationFailure.Kind.RECONNECT, "the stored " + provider.displayName() + " connection of this org "
                    + "cannot be decrypted (it was not written for this org); the person must reconnect " + provider.displayName()
                    + " (connect_account with provider " + provider.wireName() + ")");
        }
    }

    private ProviderTokens refresh(String orgId, Provider provider, ProviderTokens current) {
        ProviderTokens fresh = oauths.of(provider).refresh(current);
        tokens.store(orgId, provider, fresh);
        LOG.info(() -> "refreshed the " + provider.wireName() + " access token of org " + orgId);
        return fresh;
    }
}
